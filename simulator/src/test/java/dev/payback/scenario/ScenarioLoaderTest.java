package dev.payback.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    private static final Path FULL = InvalidScenarioTest.resource("valid/full.yaml");
    private static final Path MINIMAL = InvalidScenarioTest.resource("valid/minimal.yaml");
    private static final Path STRESS = InvalidScenarioTest.resource("valid/stress.yaml");

    @Test
    void fullExampleOfModelMdLoadsWithItsValues() throws Exception {
        Scenario s = ScenarioLoader.load(FULL);
        assertThat(s.name()).isEqualTo("Consumer goods SMB on Shopify, Amazon and wholesale");
        assertThat(s.horizonMonths()).isEqualTo(36);
        assertThat(s.trials()).isEqualTo(100_000);
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.business().ordersPerMonth().dist()).isEqualTo(new Dist.Pert(9000, 12000, 16000));
        assertThat(s.business().ordersPerMonth().notation()).isEqualTo("{pert: [9000, 12000, 16000]}");
        assertThat(s.business().seasonality()).containsExactly(0.9, 0.85, 0.95, 1, 1, 0.95, 0.9, 1, 1.05, 1.1, 1.3, 1.5);
        // ci90 with lo > 0 is the lognormal with those percentiles
        assertThat(s.business().loadedLaborCostPerHour().dist()).isEqualTo(new Dist.Lognormal(28, 42));
        assertThat(s.business().grossMargin().domain()).isEqualTo(Domain.UNIT);
        assertThat(s.business().annualGrowth().domain()).isEqualTo(Domain.GROWTH);
        assertThat(s.business().channels()).isEqualTo(3);
        assertThat(s.business().complexity()).isEqualTo(4);
        assertThat(s.pain().drivers()).hasSize(13);
        assertThat(s.pain().other()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("marketplace_penalties");
            assertThat(o.perYear().path()).isEqualTo("pain.other.marketplace_penalties");
        });
        assertThat(s.pain().events()).singleElement().satisfies(e -> {
            assertThat(e.probability().path()).isEqualTo("pain.events.key_person_absence.probability");
            assertThat(e.probability().dist()).isEqualTo(new Dist.Fixed(0.3));
            assertThat(e.cost().path()).isEqualTo("pain.events.key_person_absence.cost");
        });
        OptionSpec o = s.option("operate");
        assertThat(o.kind()).isEqualTo(OptionSpec.Kind.OPERATE);
        assertThat(o.label()).isEqualTo("Fix the node first (cycle counts, standard work)");
        assertThat(o.rampMonths().dist()).isEqualTo(new Dist.Fixed(2));
        assertThat(o.effects()).containsOnlyKeys("exception_rate", "cancellation_rate");
        assertThat(o.effects().get("exception_rate").path()).isEqualTo("options.operate.effects.exception_rate");
        assertThat(o.scorecard()).containsEntry("implementation_speed", 5.0).containsEntry("support_quality", 3.0);
        assertThat(s.correlations()).singleElement().satisfies(c -> {
            assertThat(c.a()).isEqualTo("pain.exception_rate");
            assertThat(c.b()).isEqualTo("pain.cancellation_rate");
            assertThat(c.rho()).isEqualTo(0.6);
            assertThat(c.where().line()).isEqualTo(56);
        });
        assertThat(s.paybackConfidence()).isEqualTo(0.8);
        assertThat(s.input("options.operate.one_time_cost").dist()).isEqualTo(new Dist.Pert(15000, 25000, 45000));
    }

    @Test
    void minimalScenarioGetsEveryDefault() throws Exception {
        Scenario s = ScenarioLoader.load(MINIMAL);
        assertThat(s.currency()).isEqualTo("USD");
        assertThat(s.horizonMonths()).isEqualTo(36);
        assertThat(s.discountRate()).isEqualTo(0.10);
        assertThat(s.trials()).isEqualTo(100_000);
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.paybackConfidence()).isEqualTo(0.8);
        Business b = s.business();
        assertThat(b.annualGrowth().dist()).isEqualTo(new Dist.Fixed(0));
        assertThat(b.seasonality()).containsOnly(1.0).hasSize(12);
        assertThat(b.hoursPerFteYear()).isEqualTo(2080);
        assertThat(b.channels()).isEqualTo(1);
        assertThat(b.fulfillmentPaths()).isEqualTo(1);
        assertThat(b.inventoryAccuracy().dist()).isEqualTo(new Dist.Fixed(1));
        assertThat(b.inventoryAccuracy().path()).isEqualTo("business.inventory_accuracy");
        assertThat(b.complexity()).isEqualTo(1);
        assertThat(b.adoptionReadiness()).isEqualTo(3);
        assertThat(s.pain().drivers()).isEmpty();
        assertThat(s.pain().other()).isEmpty();
        OptionSpec o = s.options().get(0);
        assertThat(o.label()).isEqualTo("orchestrate");
        for (Input in : List.of(o.perOrderFee(), o.rampMonths(), o.goLiveDip(), o.failureProbability(),
                o.failureBenefitShare())) {
            assertThat(in.dist()).as(in.path()).isEqualTo(new Dist.Fixed(0));
        }
        assertThat(o.failureProbability().domain()).isEqualTo(Domain.UNIT);
        assertThat(o.effects()).isEmpty();
        assertThat(s.correlations()).isEmpty();
        assertThat(s.stress()).isEmpty();
    }

    @Test
    void bomAndCrlfAreAccepted(@TempDir Path dir) throws Exception {
        String text = "\uFEFF" + Files.readString(MINIMAL).replace("\n", "\r\n");
        Path f = dir.resolve("crlf.yaml");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        assertThat(ScenarioLoader.load(f).business().grossMargin().dist()).isEqualTo(new Dist.Fixed(0.4));
    }

    @Test
    void nonUtf8FileIsOneProblemWithItsPosition(@TempDir Path dir) throws IOException {
        byte[] latin1 = Files.readString(MINIMAL).replace("Minimal", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, latin1);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioLoader.load(f));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("not UTF-8").contains("0xE9");
            assertThat(p.location().line()).isEqualTo(1);
            assertThat(p.location().column()).isEqualTo(10);
        });
    }

    @Test
    void setReplacesADistribution() throws Exception {
        Scenario s = ScenarioLoader.load(FULL, List.of("pain.exception_rate={pert: [0.1, 0.2, 0.3]}",
                "options.operate.effects.exception_rate=0.5", "simulation.trials=500",
                "pain.events.key_person_absence.probability=0.5", "decision.payback_confidence=0.9"), null);
        assertThat(s.input("pain.exception_rate").dist()).isEqualTo(new Dist.Pert(0.1, 0.2, 0.3));
        assertThat(s.input("pain.exception_rate").notation()).isEqualTo("{pert: [0.1, 0.2, 0.3]}");
        assertThat(s.option("operate").effects().get("exception_rate").dist()).isEqualTo(new Dist.Fixed(0.5));
        assertThat(s.trials()).isEqualTo(500);
        assertThat(s.pain().events().get(0).probability().dist()).isEqualTo(new Dist.Fixed(0.5));
        assertThat(s.paybackConfidence()).isEqualTo(0.9);
    }

    @Test
    void setAddsAKeyMissingFromTheFile() throws Exception {
        Scenario s = ScenarioLoader.load(MINIMAL, List.of("pain.expedite_fee={ci90: [9, 30]}",
                "business.seasonality=[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2]"), null);
        assertThat(s.pain().drivers().get(Driver.EXPEDITE_FEE).dist()).isEqualTo(new Dist.Lognormal(9, 30));
        assertThat(s.business().seasonality()[11]).isEqualTo(2);
    }

    @Test
    void badSetPathIsAProblemAtSet() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioLoader.load(FULL, List.of("pain.exeption_rate=0.1"), null));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo("--set");
            assertThat(p.path()).isEqualTo("pain.exeption_rate");
            assertThat(p.line()).isEqualTo("--set: pain.exeption_rate: unknown key (did you mean exception_rate?)");
        });
    }

    @Test
    void malformedSetAndUnknownOptionAreProblems() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioLoader.load(FULL, List.of("horizon_months", "options.orchestrat.one_time_cost=1"), null));
        assertThat(e.problems()).extracting(Problem::message)
                .containsExactly("malformed override 'horizon_months'", "there is no option with id 'orchestrat'");
    }

    @Test
    void setIsValidatedLikeFileContent() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioLoader.load(FULL, List.of("business.gross_margin={uniform: [1.2, 1.5]}"), null));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo("--set");
            assertThat(p.path()).isEqualTo("business.gross_margin");
            assertThat(p.message()).contains("outside the allowed range [0, 1]");
        });
    }

    @Test
    void stressPresetIsAppliedAndSetsGoOnTop() throws Exception {
        Scenario plain = ScenarioLoader.load(STRESS);
        assertThat(plain.option("orchestrate").oneTimeCost().dist()).isEqualTo(new Dist.Fixed(20000));
        assertThat(plain.stress()).containsOnlyKeys("downturn", "slow_rollout");
        assertThat(plain.stress().get("downturn")).containsEntry("business.annual_growth", "{pert: [-0.2, -0.05, 0.05]}")
                .containsEntry("options.orchestrate.one_time_cost", "50000");

        Scenario down = ScenarioLoader.load(STRESS, List.of(), "downturn");
        assertThat(down.business().annualGrowth().dist()).isEqualTo(new Dist.Pert(-0.2, -0.05, 0.05));
        assertThat(down.option("orchestrate").oneTimeCost().dist()).isEqualTo(new Dist.Fixed(50000));

        Scenario both = ScenarioLoader.load(STRESS, List.of("options.orchestrate.one_time_cost=60000"), "downturn");
        assertThat(both.option("orchestrate").oneTimeCost().dist()).isEqualTo(new Dist.Fixed(60000));
    }

    @Test
    void unknownStressPresetListsTheDefinedOnes() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioLoader.load(STRESS, List.of(), "recession"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("there is no stress preset 'recession'");
            assertThat(p.suggestion()).isEqualTo("defined presets: downturn, slow_rollout");
        });
    }

    @Test
    void stressPathsAreCheckedEvenWhenUnused() throws IOException {
        String text = Files.readString(STRESS).replace("    options.orchestrate.implementation_months: 9",
                "    pain.exeption_rate: 0.3");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioLoader.parse(text, "s.yaml", List.of(), null));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo("s.yaml:20:5: stress.slow_rollout.pain.exeption_rate: unknown key "
                    + "(did you mean exception_rate?)");
        });
    }

    @Test
    void templateIsAValidScenarioAndItsStressPresetApplies() throws Exception {
        Path template = dev.payback.Shipped.path("template.yaml");
        Scenario s = ScenarioLoader.load(template);
        assertThat(s.options()).extracting(OptionSpec::id).containsExactly("operate", "orchestrate");
        assertThat(s.option("orchestrate").effects()).containsKey("marketplace_penalties");
        assertThat(ScenarioLoader.load(template, List.of(), "downturn").business().annualGrowth().dist())
                .isEqualTo(new Dist.Pert(-0.2, -0.05, 0.05));
    }
}
