package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables writes through the streaming CSV generator; the bytes must be those of a CsvMapper with the same schema. */
class TablesTest {

    private static String withMapper(List<String> columns, List<String[]> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try (SequenceWriter w = new CsvMapper().writerFor(String[].class)
                .with(schema.build().withLineSeparator("\n")).writeValues(out)) {
            for (String[] row : rows) {
                w.write(row);
            }
        }
        return out.toString();
    }

    @Test
    void rowsWithAwkwardFieldsMatchTheMapper() throws IOException {
        List<String> columns = List.of("variant", "metric", "mean", "policy.temperature");
        List<String[]> rows = List.of(
                new String[] {"boltzmann-0.2", "regret", "1.528167784926351", "0.2"},
                new String[] {"a,b", "quote\"d", "", "-0.0"},
                new String[] {" lead", "trail ", "two\nlines", "cr\rhere"},
                new String[] {"#hash", "é", "tab\tin", "'single'"},
                new String[] {"x", "", "", ""});
        assertEquals(withMapper(columns, rows), Tables.write(columns, rows));
    }

    @Test
    void aTableWithNoRowsMatchesTheMapper() throws IOException {
        List<String> columns = List.of("variant", "metric", "mean");
        assertEquals(withMapper(columns, List.of()), Tables.write(columns, List.of()));
    }
}
