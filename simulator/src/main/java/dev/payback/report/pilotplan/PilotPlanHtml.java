package dev.payback.report.pilotplan;

import dev.payback.report.SamplingText;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.payback.report.Money;
import dev.payback.analysis.PilotPlanSummary;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * pilot-plan.html: self-contained (inline CSS and SVG, no script, nothing fetched), rendered from
 * {@code dev/payback/report/pilotplan/pilot-plan.html.mustache}, which escapes every value except
 * the chart's SVG (produced and escaped by JFreeSVG).
 */
public final class PilotPlanHtml {
    static final String TEMPLATE = "dev/payback/report/pilotplan/pilot-plan.html.mustache";

    private PilotPlanHtml() {
    }

    public static String render(PilotPlanSummary s, String svg) {
        Mustache m = new DefaultMustacheFactory().compile(TEMPLATE);
        StringWriter out = new StringWriter();
        m.execute(out, model(s, svg));
        return out.toString();
    }

    static Map<String, Object> model(PilotPlanSummary s, String svg) {
        String cur = s.currency();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.scenario());
        m.put("optionId", s.optionId());
        m.put("optionLabel", s.optionLabel());
        m.put("trials", String.format(Locale.ROOT, "%,d", s.trials()));
        m.put("seed", s.seed());
        m.put("sampling", SamplingText.name(s.sampling()));
        m.put("designCount", s.rows().size());
        m.put("bestMean", PilotPlanReport.pick(s, s.bestMean(), false));
        m.put("bestP10", PilotPlanReport.pick(s, s.bestP10(), true));
        m.put("bigMean", Money.compact(s.bigBang().meanNpv(), cur));
        m.put("bigP10", Money.compact(s.bigBang().p10Npv(), cur));
        m.put("bigPayback", Money.percent(s.bigBang().pPayback12()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int d = 0; d < s.rows().size(); d++) {
            PilotPlanSummary.Row r = s.rows().get(d);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("share", Money.percent(r.design().share()));
            row.put("months", r.design().months());
            row.put("target", Money.percent(r.design().target()));
            row.put("mean", Money.compact(r.figures().meanNpv(), cur));
            row.put("p10", Money.compact(r.figures().p10Npv(), cur));
            row.put("payback", Money.percent(r.figures().pPayback12()));
            row.put("go", Money.percent(r.pGo()));
            row.put("falseGo", Money.percent(r.pFalseGo()));
            row.put("falseStop", Money.percent(r.pFalseStop()));
            row.put("pick", d == s.bestMean() && d == s.bestP10() ? "best mean, best P10"
                    : d == s.bestMean() ? "best mean" : d == s.bestP10() ? "best P10" : "");
            row.put("picked", d == s.bestMean() || d == s.bestP10());
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("svg", svg);
        return m;
    }
}
