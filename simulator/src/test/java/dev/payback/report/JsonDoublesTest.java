package dev.payback.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON output writes a double as the shortest decimal that reads back as it, so the same run
 * gives the same bytes on JDK 17 (whose Double.toString sometimes adds a digit) and on later JDKs.
 */
class JsonDoublesTest {

    private static List<String> written(double... values) throws Exception {
        byte[] json = SummaryJson.pretty(g -> {
            g.writeStartArray();
            for (double v : values) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        });
        List<String> texts = new ArrayList<>();
        try (JsonParser p = new ObjectMapper().getFactory().createParser(new String(json, StandardCharsets.UTF_8))) {
            p.nextToken();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                texts.add(p.getText());
            }
        }
        return texts;
    }

    @Test
    void twoToTheMinus31IsWrittenWithSixteenDigitsNotSeventeen() throws Exception {
        // 2^-31 = 4.656612873077392578125E-10 exactly; 16 significant digits round it to ...393 and read
        // back as 2^-31, while 15 digits (4.65661287307739E-10) give another double. JDK 17's
        // Double.toString writes 4.6566128730773926E-10.
        assertThat(Double.parseDouble("4.65661287307739E-10")).isNotEqualTo(Math.scalb(1.0, -31));
        assertThat(written(Math.scalb(1.0, -31), 0.1, 1234.5, -0.0025, 1.0E7))
                .containsExactly("4.656612873077393E-10", "0.1", "1234.5", "-0.0025", "1.0E7");
    }

    @Test
    void everyDoubleIsWrittenAsTheShortestDecimalThatReadsBackAsIt() throws Exception {
        SplittableRandom random = new SplittableRandom(20261203L);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            // money-sized values and raw bit patterns (every exponent), finite only
            double v = i % 2 == 0 ? (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(-12, 12))
                    : Double.longBitsToDouble(random.nextLong());
            values[i] = Double.isFinite(v) ? v : 1.5;
        }
        List<String> texts = written(values);
        for (int i = 0; i < values.length; i++) {
            String text = texts.get(i);
            double v = values[i];
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(v);
            BigDecimal decimal = new BigDecimal(text);
            int digits = decimal.stripTrailingZeros().precision();
            if (digits > 1) {
                // neither neighbour with one significant digit fewer reads back as v
                BigDecimal exact = new BigDecimal(v);
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
                    assertThat(shorter.doubleValue()).as("%s: %s is shorter", text, shorter).isNotEqualTo(v);
                }
            }
        }
    }
}
