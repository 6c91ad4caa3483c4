package dev.payback.scenario;

import java.util.Collection;

/** "Did you mean ...?" by edit distance. */
final class Suggest {
    private Suggest() {
    }

    /** The candidate nearest to {@code word}, or null when none is plausibly meant. */
    static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        int allowed = Math.max(2, Math.min(word.length(), best.length()) / 3);
        boolean prefix = word.length() >= 3 && best.startsWith(word);
        return bestDistance <= allowed || prefix ? best : null;
    }

    /** "did you mean x?" or "valid keys: a, b, c". */
    static String didYouMean(String word, Collection<String> candidates, String what) {
        String n = nearest(word, candidates);
        if (n != null) {
            return "did you mean " + n + "?";
        }
        return candidates.isEmpty() ? "" : what + ": " + String.join(", ", candidates);
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
