package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 15: the pilot verdict's four cases (target hit or missed × payback bar met or missed) on a
 * hand-built scenario where everything is fixed. 10,000 orders a month, exception rate 10%, 9 per
 * exception (12 minutes at 30/hour plus 20% expedited at 15): pain 9,000 a month from exceptions.
 * The option halves the rate from month 1 (no delay, no ramp): benefit 4,500 a month, running cost
 * 1,000 a month, net 3,500. Every trial is the same future, so every weight is equal and the
 * updated figures are the prior ones. Payback within 12 months ⇔ 12 · 3,500 = 42,000 ≥ C: met
 * for C = 30,000, missed for C = 50,000; the max one-time cost for 12-month payback is 42,000.
 * NPV = −C + 3,500 · A with A = Σ_{m=1..12} 1.1^(−m/12): positive for C = 30,000 (the option is
 * best), negative for C = 50,000 (the status quo is best). The pilot's projected rate in a live
 * month is 10% · (1 − 0.5) = 5%; the target is a 30% cut: 50 of 1,000 exceptions (a 50% cut) hits
 * it, 80 (a 20% cut) misses it.
 */
class PilotVerdictTest {
    static String scenario(int oneTimeCost) {
        return """
                name: pilot by hand
                horizon_months: 12
                discount_rate: 0.1
                simulation: {trials: 400, seed: 9}
                business:
                  orders_per_month: 10000
                  average_order_value: 50
                  gross_margin: 0.4
                  loaded_labor_cost_per_hour: 30
                pain:
                  exception_rate: 0.1
                  minutes_per_exception: 12
                  expedite_share_of_exceptions: 0.2
                  expedite_fee: 15
                options:
                  - id: fix
                    kind: orchestrate
                    one_time_cost: %d
                    annual_cost: 12000
                    implementation_months: 0
                    effects: {exception_rate: 0.5}
                """.formatted(oneTimeCost);
    }

    static String pilot(int liveExceptions, String extra) {
        return """
                option: fix
                scope_share: 0.1
                success_criteria:
                  exception_rate_reduction: 0.30
                %smonths:
                  - {month: 0, orders: 1000, exceptions: 100, promises: 1000, promises_kept: 900}
                  - {month: 1, orders: 1000, exceptions: %d, promises: 1000, promises_kept: 960}
                """.formatted(extra, liveExceptions);
    }

    record Outcome(CliTest.Run run, JsonNode json, Path dir) {
    }

    static Outcome run(Path tmp, String name, int oneTimeCost, int liveExceptions, String extra) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path s = Files.writeString(dir.resolve("s.yaml"), scenario(oneTimeCost));
        Path p = Files.writeString(dir.resolve("p.yaml"), pilot(liveExceptions, extra));
        CliTest.Run r = CliTest.run("pilot", s.toString(), p.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        return new Outcome(r, new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile()), dir);
    }

    /** The console text with line breaks and indentation folded to single spaces (prose is wrapped). */
    static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    static double annuity() {
        double a = 0;
        for (int m = 1; m <= 12; m++) {
            a += Math.pow(1.1, -m / 12.0);
        }
        return a;
    }

    @Test
    void targetHitAndBarMetIsAGo(@TempDir Path tmp) throws Exception {
        Outcome o = run(tmp, "a", 30000, 50, "");
        assertThat(o.json().at("/verdict/go").asBoolean()).isTrue();
        assertThat(o.json().at("/verdict/target_hit").asBoolean()).isTrue();
        assertThat(o.json().at("/verdict/payback_bar_met").asBoolean()).isTrue();
        assertThat(o.json().at("/verdict/payback_probability_updated").asDouble()).isEqualTo(1.0);
        assertThat(o.json().at("/verdict/max_one_time_cost_updated").asDouble()).isCloseTo(42000, within(1e-6));
        assertThat(o.json().at("/verdict/price").asDouble()).isEqualTo(30000);
        assertThat(o.json().at("/verdict/leader").asText()).isEqualTo("fix");
        assertThat(o.json().at("/verdict/what_would_make_it_go")).isEmpty();
        assertThat(o.json().at("/all_options/fix/mean_npv_updated").asDouble())
                .isCloseTo(-30000 + 3500 * annuity(), within(1e-6));
        assertThat(o.run().out()).startsWith("Go: the pilot hit its target and the updated business case meets "
                + "the payback bar.\n  1. Target: hit.").contains("  2. Payback bar: met.")
                .doesNotContain("What would make it go");
        String html = Files.readString(o.dir().resolve("out/pilot.html"));
        assertThat(html).contains("class=\"verdict go\"");
    }

    @Test
    void targetHitButBarMissedNamesThePrice(@TempDir Path tmp) throws Exception {
        Outcome o = run(tmp, "b", 50000, 50, "");
        assertThat(o.json().at("/verdict/go").asBoolean()).isFalse();
        assertThat(o.json().at("/pilot/go").asBoolean()).as("docs/model.md section 6: the target alone").isTrue();
        assertThat(o.json().at("/verdict/target_hit").asBoolean()).isTrue();
        assertThat(o.json().at("/verdict/payback_bar_met").asBoolean()).isFalse();
        assertThat(o.json().at("/verdict/payback_probability_updated").asDouble()).isZero();
        // NPV = −50,000 + 3,500·A < 0: doing nothing is best in every future
        assertThat(o.json().at("/verdict/leader").asText()).isEqualTo("status_quo");
        assertThat(o.json().at("/all_options/status_quo/p_best_updated").asDouble()).isEqualTo(1.0);
        assertThat(flat(o.run().out())).startsWith("No-go: the pilot hit its target, but the updated business case "
                + "misses the payback bar.")
                .contains("A lower price: a one-time cost of at most $42,000 would meet the bar ($8,000 less than "
                        + "the quote).")
                .contains("After the update, doing nothing (the status quo) is most often the best choice");
        assertThat(Files.readString(o.dir().resolve("out/pilot.html"))).contains("class=\"verdict nogo\"");
    }

    @Test
    void targetMissedButBarMetIsANoGo(@TempDir Path tmp) throws Exception {
        Outcome o = run(tmp, "c", 30000, 80, "");
        assertThat(o.json().at("/verdict/go").asBoolean()).isFalse();
        assertThat(o.json().at("/verdict/target_hit").asBoolean()).isFalse();
        assertThat(o.json().at("/verdict/payback_bar_met").asBoolean()).isTrue();
        assertThat(o.json().at("/verdict/success_criteria/exception_rate_reduction/observed").asDouble())
                .isCloseTo(0.2, within(1e-12));
        assertThat(flat(o.run().out())).startsWith("No-go: the updated business case meets the payback bar, but the "
                + "pilot missed its target.")
                .contains("Exceptions per order fell 20.0% against a target of 30% (missed)")
                .contains("A longer pilot: at full adoption the updated projection cuts exceptions by 50%")
                .contains("A second criterion");
    }

    @Test
    void targetMissedAndBarMissed(@TempDir Path tmp) throws Exception {
        Outcome o = run(tmp, "d", 50000, 80, "");
        assertThat(o.json().at("/verdict/go").asBoolean()).isFalse();
        assertThat(o.json().at("/verdict/target_hit").asBoolean()).isFalse();
        assertThat(o.json().at("/verdict/payback_bar_met").asBoolean()).isFalse();
        assertThat(flat(o.run().out())).startsWith("No-go: the pilot missed its target and the updated business case "
                + "misses the payback bar.").contains("A lower price", "A longer pilot");
    }

    /** As {@link #run}, on {@code scenario(oneTimeCost)} with an 18-month horizon and the payback bar T* = 15. */
    static Outcome runBar15(Path tmp, String name, int oneTimeCost, String extra) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path s = Files.writeString(dir.resolve("s.yaml"), scenario(oneTimeCost)
                .replace("horizon_months: 12", "horizon_months: 18") + "decision: {payback_months: 15}\n");
        Path p = Files.writeString(dir.resolve("p.yaml"), pilot(50, extra));
        CliTest.Run r = CliTest.run("pilot", s.toString(), p.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        return new Outcome(r, new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile()), dir);
    }

    @Test
    void theBarIsTheScenariosPaybackMonthsNotTwelve(@TempDir Path tmp) throws Exception {
        // net 3,500 a month from month 1: within T* = 15 months the cumulative net is 52,500 ≥ 50,000 (met),
        // within 12 it is 42,000 (missed); the max one-time cost for the bar is 52,500, for 12 months 42,000
        Outcome o = runBar15(tmp, "t15", 50000, "");
        JsonNode v = o.json().at("/verdict");
        assertThat(v.at("/payback_months").asInt()).isEqualTo(15);
        assertThat(v.at("/payback_bar_met").asBoolean()).isTrue();
        assertThat(v.at("/go").asBoolean()).isTrue();
        assertThat(v.at("/payback_probability_prior").asDouble()).isEqualTo(1.0);
        assertThat(v.at("/payback_probability_updated").asDouble()).isEqualTo(1.0);
        assertThat(v.at("/max_one_time_cost_updated").asDouble()).isCloseTo(52500, within(1e-6));
        assertThat(v.at("/max_one_time_cost_prior").asDouble()).isCloseTo(52500, within(1e-6));
        JsonNode fix = o.json().at("/all_options/fix");
        assertThat(fix.at("/payback_probability_12_updated").asDouble()).isZero();
        assertThat(fix.at("/payback_probability_bar_prior").asDouble()).isEqualTo(1.0);
        assertThat(fix.at("/payback_probability_bar_updated").asDouble()).isEqualTo(1.0);
        assertThat(flat(o.run().out())).contains("pays back within 15 months in 100% of futures")
                .contains("Meeting the payback bar after the update: fix (100%)")
                .contains("P(payback <= 15)");
        // the CSV keeps its 12-month columns and adds the bar's
        List<String> csv = Files.readAllLines(o.dir().resolve("out/summary.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        List<String> fixRow = List.of(csv.get(1).split(","));
        assertThat(fixRow.get(header.indexOf("payback_probability_12_updated"))).isEqualTo("0.0");
        assertThat(Double.parseDouble(fixRow.get(header.indexOf("max_one_time_cost_12_updated"))))
                .isCloseTo(42000, within(1e-6));
        assertThat(fixRow.get(header.indexOf("payback_months"))).isEqualTo("15");
        assertThat(fixRow.get(header.indexOf("payback_probability_bar_updated"))).isEqualTo("1.0");
        assertThat(Double.parseDouble(fixRow.get(header.indexOf("max_one_time_cost_bar_updated"))))
                .isCloseTo(52500, within(1e-6));
        assertThat(Files.readString(o.dir().resolve("out/pilot.html"))).contains("P(payback &le; 15 months) before");
    }

    @Test
    void theActualOneTimeCostIsJudgedAtTheScenariosBar(@TempDir Path tmp) throws Exception {
        // projected 30,000; actually 55,000: 52,500 within 15 months falls short (missed), though 12 months
        // of the projected cost would not matter; at 50,000 it would be met
        Outcome missed = runBar15(tmp, "m", 30000, "actual_one_time_cost: 55000\n");
        assertThat(missed.json().at("/verdict/payback_bar_met").asBoolean()).isFalse();
        assertThat(missed.json().at("/verdict/payback_probability_updated").asDouble()).isZero();
        assertThat(missed.json().at("/verdict/at_actual_one_time_cost/payback_probability_bar").asDouble()).isZero();
        Outcome met = runBar15(tmp, "n", 30000, "actual_one_time_cost: 50000\n");
        assertThat(met.json().at("/verdict/payback_bar_met").asBoolean()).isTrue();
        assertThat(met.json().at("/verdict/at_actual_one_time_cost/payback_probability_bar").asDouble()).isEqualTo(1);
        assertThat(met.json().at("/verdict/at_actual_one_time_cost/payback_probability_bar_prior").asDouble())
                .isEqualTo(1);
        assertThat(met.json().at("/verdict/at_actual_one_time_cost/payback_probability/12").asDouble()).isZero();
    }

    @Test
    void theActualOneTimeCostReplacesTheProjectedOne(@TempDir Path tmp) throws Exception {
        // projected at 50,000 (bar missed), actually 30,000: the bar is judged at 30,000 and met
        Outcome o = run(tmp, "e", 50000, 50, "actual_one_time_cost: 30000\n");
        assertThat(o.json().at("/verdict/price_basis").asText()).isEqualTo("actual_one_time_cost");
        assertThat(o.json().at("/verdict/price").asDouble()).isEqualTo(30000);
        assertThat(o.json().at("/verdict/payback_bar_met").asBoolean()).isTrue();
        assertThat(o.json().at("/verdict/go").asBoolean()).isTrue();
        assertThat(o.json().at("/verdict/at_actual_one_time_cost/mean_npv").asDouble())
                .isCloseTo(-30000 + 3500 * annuity(), within(1e-6));
        assertThat(o.json().at("/verdict/at_actual_one_time_cost/p_npv_negative").asDouble()).isZero();
        // by 6 months the cumulative net is 21,000 < 30,000: no payback yet; by 12 it is 42,000
        assertThat(o.json().at("/verdict/at_actual_one_time_cost/payback_probability/6").asDouble()).isZero();
        assertThat(o.json().at("/verdict/at_actual_one_time_cost/payback_probability/12").asDouble()).isEqualTo(1);
        assertThat(flat(o.run().out())).contains("at the actual one-time cost of $30,000");
    }

    @Test
    void promiseAccuracyAndPilotCostAreCriteriaToo(@TempDir Path tmp) throws Exception {
        // promise accuracy 90% → 96%: a relative increase of 96/90 − 1 = 6.67%
        Outcome met = run(tmp, "f", 30000, 50, "  promise_accuracy_increase: 0.05\n  max_pilot_cost: 15000\n"
                .replace("  promise", "  promise") + "actual_pilot_cost: 12000\n");
        JsonNode c = met.json().at("/verdict/success_criteria");
        assertThat(c.at("/promise_accuracy_increase/observed").asDouble()).isCloseTo(0.96 / 0.9 - 1, within(1e-12));
        assertThat(c.at("/promise_accuracy_increase/met").asBoolean()).isTrue();
        assertThat(c.at("/max_pilot_cost/observed").asDouble()).isEqualTo(12000);
        assertThat(c.at("/max_pilot_cost/met").asBoolean()).isTrue();
        assertThat(met.json().at("/verdict/go").asBoolean()).isTrue();

        Outcome missed = run(tmp, "g", 30000, 50, "  promise_accuracy_increase: 0.10\n  max_pilot_cost: 10000\n"
                + "actual_pilot_cost: 12000\n");
        JsonNode m = missed.json().at("/verdict/success_criteria");
        assertThat(m.at("/promise_accuracy_increase/met").asBoolean()).isFalse();
        assertThat(m.at("/max_pilot_cost/met").asBoolean()).isFalse();
        assertThat(m.at("/exception_rate_reduction/met").asBoolean()).isTrue();
        assertThat(missed.json().at("/verdict/go").asBoolean()).isFalse();
        assertThat(missed.json().at("/verdict/target_hit").asBoolean()).isFalse();
        assertThat(flat(missed.run().out())).contains("promise accuracy rose 6.7% (relative) against a target of +10% "
                + "(missed)", "the pilot cost $12,000 against a cap of $10,000 (missed)",
                "A pilot within its budget: it cost $2,000 more than the cap.");
    }

    @Test
    void pilotWritesCsvAndWorkbook(@TempDir Path tmp) throws Exception {
        Outcome o = run(tmp, "h", 50000, 50, "");
        List<String> csv = Files.readAllLines(o.dir().resolve("out/summary.csv"));
        assertThat(csv.get(0)).startsWith("scenario,stress,set,option,piloted,p_best_prior,p_best_updated");
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("pilot by hand,,,fix,true,");
        assertThat(csv.get(2)).startsWith("pilot by hand,,,status_quo,false,1.0,1.0,");
        try (InputStream in = Files.newInputStream(o.dir().resolve("out/pilot.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Verdict").getRow(0).getCell(0).getStringCellValue()).startsWith("No-go:");
            assertThat(wb.getSheet("Options").getRow(1).getCell(3).getStringCellValue()).isEqualTo("fix");
            assertThat(wb.getSheet("Months").getRow(2).getCell(2).getNumericCellValue()).isEqualTo(50);
        }
        o.run().out().lines().forEach(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    }

    @Test
    void costCapNeedsTheActualCostAndPromisesNeedCounts(@TempDir Path tmp) throws Exception {
        Path s = Files.writeString(tmp.resolve("s.yaml"), scenario(30000));
        Path p = Files.writeString(tmp.resolve("p.yaml"), """
                option: fix
                scope_share: 0.1
                success_criteria: {exception_rate_reduction: 0.3, max_pilot_cost: 1000, promise_accuracy_increase: 0.1}
                months:
                  - {month: 0, orders: 1000, exceptions: 100}
                  - {month: 1, orders: 1000, exceptions: 50, promises: 10}
                """);
        CliTest.Run r = CliTest.run("pilot", s.toString(), p.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("success_criteria.max_pilot_cost: the cap needs the pilot's actual cost",
                "months[1].promises: promises and promises_kept go together");
    }
}
