package dev.losslab.text.autotune;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.losslab.text.Args;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialCsvTest {
  @Test
  void oneRowPerTrialWithAFormulaQuotedAndNoScoreLeftEmpty() {
    Args formula = Args.builder().loss("formula:max(0, 1 - s[label])").thread(1).seed(3).build();
    List<Trial> trials = List.of(
        new Trial(1, new TrialArgs(Args.builder().thread(1).build(), 2), Trial.Status.OK, 0.25, 5,
            1.5, 0, ""),
        new Trial(2, new TrialArgs(formula, 4), Trial.Status.STOPPED, Double.NaN, 2, 0.75, 0,
            "best 0.1 by epoch 2, not above the median 0.2"));
    String csv = TrialCsv.render(trials);
    List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(csv).stream().toList();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).getFields()).isEqualTo(TrialCsv.COLUMNS);
    CsvRecord first = rows.get(1);
    CsvRecord second = rows.get(2);
    int score = TrialCsv.COLUMNS.indexOf("score");
    assertThat(first.getField(score)).isEqualTo("0.25");
    assertThat(first.getField(TrialCsv.COLUMNS.indexOf("status"))).isEqualTo("ok");
    assertThat(second.getField(TrialCsv.COLUMNS.indexOf("loss"))).isEqualTo("formula:max(0, 1 - s[label])");
    assertThat(second.getField(score)).isEmpty();
    assertThat(second.getField(TrialCsv.COLUMNS.indexOf("dsub"))).isEqualTo("4");
    assertThat(second.getField(TrialCsv.COLUMNS.indexOf("seed"))).isEqualTo("3");
    assertThat(second.getField(TrialCsv.COLUMNS.indexOf("detail"))).contains("not above the median");
    assertThat(csv).contains("\"formula:max(0, 1 - s[label])\"");
  }
}
