package dev.payback.report;

import dev.payback.scenario.RunOverrides;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * How every output names a run that changed its scenario ({@code --stress}, {@code --set}): one
 * phrase for titles and headers, and the {@code overrides} object of the JSON outputs.
 */
public final class OverridesText {
    private OverridesText() {
    }

    /**
     * The overrides in words, e.g. {@code stress preset peak_season; --set pain.exception_rate=0.2};
     * "" for the base case.
     */
    public static String describe(RunOverrides o) {
        StringBuilder b = new StringBuilder();
        if (o.stress() != null) {
            b.append("stress preset ").append(o.stress());
        }
        if (!o.sets().isEmpty()) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append("--set ").append(String.join(", --set ", o.sets()));
        }
        return b.toString();
    }

    /** The console's or report's line about the run: "Stress test: ... (not the base case)", or "" for the base case. */
    public static String line(RunOverrides o) {
        return o.isBase() ? "" : "Stress test: " + describe(o) + " (not the base case)";
    }

    /** A title with the overrides appended in brackets, e.g. "Acme [stress preset peak_season]". */
    public static String title(String name, RunOverrides o) {
        return o.isBase() ? name : name + " [" + describe(o) + "]";
    }

    /** The {@code overrides} JSON object: {@code {"stress": name or null, "set": [..]}}. */
    public static void json(JsonGenerator g, RunOverrides o) throws IOException {
        g.writeObjectFieldStart("overrides");
        if (o.stress() == null) {
            g.writeNullField("stress");
        } else {
            g.writeStringField("stress", o.stress());
        }
        g.writeArrayFieldStart("set");
        for (String s : o.sets()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
