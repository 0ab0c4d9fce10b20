package dev.losslab.report;

import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Report} as one self-contained XHTML page: inline style, no script, figures as
 * relative links to PNG files beside it, so it opens from disk with no server. The output is
 * well-formed XML (every element closed, every text escaped), which the tests check with a parser.
 */
public final class HtmlWriter {
  private HtmlWriter() {}

  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1000px;margin:2em auto;"
          + "padding:0 1em;color:#222;line-height:1.45}",
      "h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;"
          + "margin-top:2em}",
      "table{border-collapse:collapse;margin:.8em 0 1.4em;font-size:.92em}",
      "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}",
      "td.num{text-align:right;font-variant-numeric:tabular-nums}td.num span.m{white-space:nowrap}",
      "th{background:#f3f3f3}",
      "caption{caption-side:top;text-align:left;font-weight:600;padding-bottom:.3em}",
      "figure{margin:1em 0 1.8em}figure img{max-width:100%;border:1px solid #eee}",
      "figcaption{font-size:.92em;color:#444}nav ul{columns:2}code{background:#f5f5f5;padding:0 .2em}",
      "p.verdict{background:#f6f8fa;border-left:4px solid #0072b2;padding:.4em .8em}");

  /**
   * The page for {@code report}.
   *
   * @param omitted for each figure name, curves that could not be drawn (mentioned in the caption)
   */
  public static String render(Report report, Map<String, List<String>> omitted) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
    b.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n");
    b.append("<meta charset=\"UTF-8\"/>\n<title>").append(esc(report.title())).append("</title>\n");
    b.append("<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n");
    b.append("<h1>").append(esc(report.title())).append("</h1>\n");
    b.append("<p>Every number on this page is in <a href=\"results.csv\">results.csv</a> and "
        + "<a href=\"results.json\">results.json</a>, with the run's configuration.</p>\n");
    if (report.sections().size() > 1) {
      b.append("<nav><ul>\n");
      for (Section s : report.sections()) {
        b.append("<li><a href=\"#").append(s.id()).append("\">").append(esc(s.title()))
            .append("</a></li>\n");
      }
      b.append("<li><a href=\"#configuration\">Configuration</a></li>\n</ul></nav>\n");
    }
    for (Section s : report.sections()) {
      b.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(esc(s.title()))
          .append("</h2>\n");
      for (Block block : s.blocks()) {
        if (block instanceof Block.Paragraph p) {
          String cls = p.text().startsWith("Verdict") ? " class=\"verdict\"" : "";
          b.append("<p").append(cls).append(">").append(esc(p.text())).append("</p>\n");
        } else if (block instanceof Block.Figure f) {
          figure(b, f, omitted.getOrDefault(f.name(), List.of()));
        } else if (block instanceof Block.Table t) {
          table(b, t.caption(), t.header(), t.rows());
        }
      }
      b.append("</section>\n");
    }
    b.append("<section id=\"configuration\">\n<h2>Configuration</h2>\n");
    List<List<String>> rows = report.configuration().entrySet().stream()
        .map(e -> List.of(e.getKey(), e.getValue())).toList();
    table(b, "The run's full configuration", List.of("key", "value"), rows);
    b.append("</section>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void figure(StringBuilder b, Block.Figure f, List<String> omitted) {
    String caption = f.caption();
    if (!omitted.isEmpty()) {
      caption += " Not drawn (no finite value on this scale): " + String.join(", ", omitted) + ".";
    }
    b.append("<figure>\n<img src=\"").append(f.file()).append("\" alt=\"")
        .append(esc(f.plot().title())).append("\" width=\"").append(PlotRenderer.WIDTH)
        .append("\" height=\"").append(PlotRenderer.HEIGHT).append("\"/>\n<figcaption>")
        .append(esc(caption)).append("</figcaption>\n</figure>\n");
  }

  private static void table(StringBuilder b, String caption, List<String> header,
      List<List<String>> rows) {
    b.append("<table>\n<caption>").append(esc(caption)).append("</caption>\n<thead><tr>");
    for (String h : header) {
      b.append("<th>").append(esc(h)).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      b.append("<tr>");
      for (String cell : row) {
        int pm = cell.indexOf(" ± ");
        if (looksNumeric(cell) && pm > 0) {
          // a narrow column breaks "0.7347 ± 0.0087" after the ±, never before it
          b.append("<td class=\"num\"><span class=\"m\">").append(esc(cell.substring(0, pm + 2)))
              .append("</span>").append(esc(cell.substring(pm + 2))).append("</td>");
        } else if (looksNumeric(cell)) {
          b.append("<td class=\"num\">").append(esc(cell)).append("</td>");
        } else {
          b.append("<td>").append(esc(cell)).append("</td>");
        }
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  static boolean looksNumeric(String cell) {
    return cell.matches("[-+]?(\\d[\\d.,]*(e[-+]?\\d+)?|NaN|inf)( ± .*|–\\d+)?( ?%)?");
  }

  /** Escapes text for XHTML element content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
