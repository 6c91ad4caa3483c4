package dev.payback.report.pilot;

import dev.payback.report.SamplingText;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.payback.report.Money;
import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.PilotVerdict;
import dev.payback.report.OverridesText;
import dev.payback.scenario.Pilot;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * pilot.html: self-contained (inline CSS and SVG, no script, nothing fetched), rendered from the
 * mustache template {@code dev/payback/report/pilot/pilot.html.mustache}, which escapes every
 * value except the chart's SVG (produced and escaped by JFreeSVG).
 */
public final class PilotHtml {
    static final String TEMPLATE = "dev/payback/report/pilot/pilot.html.mustache";

    private PilotHtml() {
    }

    /** The page, with {@code svg} the chart's SVG element. */
    public static String render(PilotUpdate.Result r, String svg) {
        Mustache m = new DefaultMustacheFactory().compile(TEMPLATE);
        StringWriter out = new StringWriter();
        m.execute(out, model(r, svg));
        return out.toString();
    }

    /** The page with the two-part verdict, what would make it go and every option re-weighted. */
    public static String render(PilotUpdate.Result r, PilotVerdict v, String svg) {
        Map<String, Object> m = model(r, svg);
        m.put("go", v.go());
        m.put("verdictWord", v.go() ? "Go" : "No-go");
        m.put("headline", PilotVerdictText.reason(v));
        m.put("parts", List.of(PilotVerdictText.target(v), PilotVerdictText.bar(v)));
        List<String> next = PilotVerdictText.whatWouldMakeItGo(v);
        m.put("next", next);
        m.put("hasNext", !next.isEmpty());
        m.put("leader", PilotVerdictText.leader(v));
        m.put("optionRows", PilotVerdictText.optionRows(v));
        m.put("barMonths", v.barMonths());
        m.put("hasOptions", true);
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (PilotUpdate.Criterion c : v.criteria()) {
            boolean money = c.name().equals("max_pilot_cost");
            String cur = r.scenario().currency();
            criteria.add(Map.of("name", c.name().replace('_', ' '),
                    "target", money ? Money.whole(c.target(), cur) : Money.percent(c.target()),
                    "observed", money ? Money.whole(c.observed(), cur) : Money.percent1(c.observed()),
                    "met", c.met() ? "yes" : "no"));
        }
        m.put("criteria", criteria);
        if (!r.scenario().overrides().isBase()) {
            m.put("scenario", OverridesText.title(r.scenario().name(), r.scenario().overrides()));
        }
        Mustache t = new DefaultMustacheFactory().compile(TEMPLATE);
        StringWriter out = new StringWriter();
        t.execute(out, m);
        return out.toString();
    }

    static Map<String, Object> model(PilotUpdate.Result r, String svg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", r.scenario().name());
        m.put("optionId", r.option().id());
        m.put("optionLabel", r.option().label());
        m.put("scope", Money.percent(r.pilot().scopeShare()));
        m.put("trials", String.format(Locale.ROOT, "%,d", r.scenario().trials()));
        m.put("seed", r.scenario().seed());
        m.put("sampling", SamplingText.name(r.sampling()));
        m.put("go", r.go());
        m.put("verdictWord", r.go() ? "Go" : "No-go");
        m.put("sentence", PilotText.sentence(r));
        m.put("warnings", PilotWarnings.of(r));
        m.put("rows", PilotText.rows(r));
        m.put("ess", PilotText.ess(r));
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (PilotUpdate.Criterion c : r.criteria()) {
            criteria.add(Map.of("name", c.name().replace('_', ' '), "target", Money.percent(c.target()),
                    "observed", Money.percent1(c.observed()), "met", c.met() ? "yes" : "no"));
        }
        m.put("criteria", criteria);
        List<Map<String, Object>> months = new ArrayList<>();
        for (Pilot.Month mo : r.pilot().months()) {
            months.add(Map.of("month", mo.month(), "orders", String.format(Locale.ROOT, "%,d", mo.orders()),
                    "exceptions", String.format(Locale.ROOT, "%,d", mo.exceptions()),
                    "rate", Money.percent1(mo.rate())));
        }
        m.put("months", months);
        m.put("svg", svg);
        return m;
    }
}
