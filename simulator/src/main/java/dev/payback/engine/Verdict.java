package dev.payback.engine;

/**
 * The decision matrix's verdict bands (docs/model.md section 4): total &lt; 15 operate the node; 15–22
 * improve the node and pilot orchestration; &gt; 22 orchestrate. {@link #key()} is the word of
 * summary.json's {@code verdict_probability}; the sentences are the report's.
 */
public enum Verdict {
    OPERATE("operate"),
    PILOT("pilot"),
    ORCHESTRATE("orchestrate");

    /** Scores from this total up are at least "pilot". */
    public static final int PILOT_FROM = 15;
    /** Scores above this total are "orchestrate". */
    public static final int ORCHESTRATE_ABOVE = 22;

    private final String key;

    Verdict(String key) {
        this.key = key;
    }

    /** "operate", "pilot" or "orchestrate". */
    public String key() {
        return key;
    }

    /** The verdict of a matrix total. */
    public static Verdict of(int score) {
        return score < PILOT_FROM ? OPERATE : score > ORCHESTRATE_ABOVE ? ORCHESTRATE : PILOT;
    }
}
