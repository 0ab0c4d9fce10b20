package dev.losslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Every command's {@code --help}, rendered section by section at the default width and at a wide
 * terminal's: picocli fills each paragraph, so a line that stops short while the next line of the
 * same paragraph starts with a word that would have fitted is a paragraph hard-wrapped in the source
 * (an array element per line), which shows as ragged lines at any width but the author's.
 */
class HelpTextTest {

  /** Sections of running text: picocli starts each paragraph and each wrapped line at column 0. */
  private static final Set<String> PROSE = Set.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER);

  /** Sections laid out as a table of names and descriptions, wrapped lines indented under the description. */
  private static final Set<String> TABLES = Set.of(
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS);

  /** The default width, a wide terminal's, and a few between and around. */
  private static final int[] WIDTHS = {55, 64, 72, 80, 100, 120, 132, 160, 200, 240};

  static Stream<Arguments> commandsAndWidths() {
    List<Arguments> all = new ArrayList<>();
    for (String command : commandNames()) {
      for (int width : WIDTHS) {
        all.add(Arguments.of(command, width));
      }
    }
    return all.stream();
  }

  /** "" for {@code losslab} itself, then every subcommand's name. */
  static List<String> commandNames() {
    List<String> names = new ArrayList<>(List.of(""));
    names.addAll(Main.commandLine().getSubcommands().keySet());
    return names;
  }

  @ParameterizedTest(name = "losslab {0} --help at width {1}")
  @MethodSource("commandsAndWidths")
  void noParagraphIsHardWrapped(String command, int width) {
    CommandLine cl = command(command, width);
    Help help = new Help(cl.getCommandSpec(), Help.defaultColorScheme(Help.Ansi.OFF));
    List<String> ragged = new ArrayList<>();
    for (String key : cl.getHelpSectionKeys()) {
      CommandLine.IHelpSectionRenderer renderer = cl.getHelpSectionMap().get(key);
      if (renderer == null || !(PROSE.contains(key) || TABLES.contains(key))) {
        continue;
      }
      List<String> lines = renderer.render(help).lines().toList();
      for (int i = 0; i + 1 < lines.size(); i++) {
        String a = lines.get(i);
        String b = lines.get(i + 1);
        boolean continues = PROSE.contains(key) ? proseContinues(a, b) : tableContinues(a, b);
        // picocli fills a line up to width - 1 columns: a word that fits there would have been taken
        if (continues && !endsSentence(a) && atMost(a) + 1 + atMost(firstWord(b)) <= width - 1) {
          ragged.add(key + ": \"" + a + "\" / \"" + b + "\"");
        }
      }
      for (String line : lines) {
        assertThat(length(line)).as("%s at width %d: %s", key, width, line).isLessThanOrEqualTo(width);
      }
    }
    assertThat(ragged).as("losslab %s --help at width %d: lines that stop before the width though"
        + " the next word of their paragraph would fit", command, width).isEmpty();
  }

  @ParameterizedTest(name = "losslab {0} synopsis at width {1}")
  @MethodSource("commandsAndWidths")
  void theSynopsisBreaksOnlyBetweenOptions(String command, int width) {
    CommandLine cl = command(command, width);
    Help help = new Help(cl.getCommandSpec(), Help.defaultColorScheme(Help.Ansi.OFF));
    String synopsis = cl.getHelpSectionMap()
        .get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS).render(help);
    int depth = 0;
    for (String line : synopsis.lines().toList()) {
      for (char c : line.toCharArray()) {
        depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      }
      assertThat(depth).as("losslab %s synopsis at width %d splits an option: %s", command, width,
          line).isZero();
      assertThat(length(line)).as("losslab %s synopsis at width %d", command, width)
          .isLessThanOrEqualTo(width);
    }
  }

  @ParameterizedTest(name = "losslab {0} --help")
  @MethodSource("commandNames")
  void everyCommandAnswersHelpWithItsUsage(String command) {
    CommandRun cli = new CommandRun();
    int code = command.isEmpty() ? cli.execute("--help") : cli.command(command, "--help");
    assertThat(code).as(cli.toString()).isZero();
    assertThat(cli.out.toString()).startsWith(command.isEmpty() ? "Usage: losslab" : "")
        .contains("Usage: losslab" + (command.isEmpty() ? "" : " " + command));
    assertThat(cli.err.toString()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void anExportedColumnsSetsTheWidthAndNonsenseIsIgnored() {
    CommandLine cl = Main.commandLine();
    Main.usageWidth(cl, "132");
    assertThat(cl.getUsageHelpWidth()).isEqualTo(132);
    assertThat(cl.getSubcommands().get("compare").getUsageHelpWidth()).isEqualTo(132);
    Main.usageWidth(cl, "20");
    assertThat(cl.getUsageHelpWidth()).isEqualTo(55); // picocli's minimum
    CommandLine other = Main.commandLine();
    Main.usageWidth(other, "wide");
    assertThat(other.isUsageHelpAutoWidth()).isTrue();
  }

  /** The command line of {@code losslab NAME} (or {@code losslab} for ""), {@code width} columns wide. */
  private static CommandLine command(String name, int width) {
    CommandLine root = Main.commandLine();
    root.setUsageHelpAutoWidth(false);
    root.setUsageHelpWidth(width);
    return name.isEmpty() ? root : root.getSubcommands().get(name);
  }

  /**
   * In running text a wrapped line starts at column 0, like its paragraph; an indented line is laid
   * out by its author (an example command) and continues nothing.
   */
  private static boolean proseContinues(String a, String b) {
    return !a.isBlank() && !b.isBlank() && indent(a) == 0 && indent(b) == 0;
  }

  /**
   * In a table a description's wrapped lines start under it or two columns further in; a line that
   * starts anywhere else begins the next row.
   */
  private static boolean tableContinues(String a, String b) {
    if (a.isBlank() || b.isBlank() || indent(b) == 0) {
      return false;
    }
    int column = descriptionColumn(a);
    return indent(b) == column || indent(b) == column + 2;
  }

  /** Where the last cell of a table line starts: after the last run of two or more spaces. */
  private static int descriptionColumn(String line) {
    int gap = line.stripTrailing().lastIndexOf("  ");
    if (gap < 0) {
      return indent(line);
    }
    int i = gap;
    while (line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** A line that ends a sentence may end its paragraph early: each paragraph starts a new line. */
  private static boolean endsSentence(String line) {
    String t = line.stripTrailing();
    while (t.endsWith(")") || t.endsWith("\"") || t.endsWith("'")) {
      t = t.substring(0, t.length() - 1);
    }
    return t.endsWith(".") || t.endsWith(":") || t.endsWith("!") || t.endsWith("?");
  }

  private static String firstWord(String line) {
    String t = line.strip();
    int space = t.indexOf(' ');
    return space < 0 ? t : t.substring(0, space);
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /**
   * The most columns picocli may count for {@code s}: it counts some characters beyond ASCII (±, ‖)
   * as two, so counting every one of them as two never calls a line short that picocli found full.
   */
  private static int atMost(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += s.charAt(i) < 0x80 ? 1 : 2;
    }
    return n;
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
