package dev.losslab.sweep;

import dev.losslab.experiment.CompareConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The swept options of a sweep: every combination of their values is one grid cell, and every cell
 * trains every loss with every seed of its comparison. The first axis varies slowest. No axes is one
 * cell, the comparison itself.
 *
 * <pre>{@code
 * Grid grid = Grid.parse(List.of("lr=0.01,0.05,0.2", "noise=none,symmetric:0.4"));   // 6 cells
 * }</pre>
 *
 * @param axes the swept options, none twice
 */
public record Grid(List<GridAxis> axes) {

  /** The grid of no swept option: a single cell. */
  public static final Grid NONE = new Grid(List.of());

  /** Checks that no option is swept twice. */
  public Grid {
    axes = List.copyOf(axes);
    for (int i = 0; i < axes.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (axes.get(i).name().equals(axes.get(j).name())) {
          throw new IllegalArgumentException("grid option " + axes.get(i).name() + " is given twice");
        }
      }
    }
  }

  /**
   * Reads each {@code NAME=V1,V2,...} ({@link GridAxis#parse}).
   *
   * @throws IllegalArgumentException naming the text at fault
   */
  public static Grid parse(List<String> specs) {
    List<GridAxis> axes = new ArrayList<>();
    for (String s : specs) {
      axes.add(GridAxis.parse(s));
    }
    return new Grid(axes);
  }

  /** Whether nothing is swept. */
  public boolean isEmpty() {
    return axes.isEmpty();
  }

  /** The number of cells: the product of the axes' sizes (1 with none). */
  public int size() {
    int n = 1;
    for (GridAxis a : axes) {
      n = Math.multiplyExact(n, a.values().size());
    }
    return n;
  }

  /** The axes' names joined by {@code " × "}, e.g. {@code "lr × noise"}; empty for none. */
  public String describe() {
    return String.join(" × ", axes.stream().map(GridAxis::name).toList());
  }

  /**
   * Every cell: the combination of values, first axis slowest, applied to {@code base}'s model,
   * losses and (clean) labels.
   *
   * @throws IllegalArgumentException naming the option and value at fault: a value its option cannot
   *     take, or a loss option for a loss the comparison does not train (or already sets)
   */
  public List<GridCell> cells(CompareConfig base) {
    List<GridCell> out = new ArrayList<>();
    int n = size();
    for (int c = 0; c < n; c++) {
      Map<String, String> values = new LinkedHashMap<>();
      int rest = c;
      int stride = n;
      for (GridAxis a : axes) {
        stride /= a.values().size();
        values.put(a.name(), a.values().get(rest / stride));
        rest %= stride;
      }
      GridCell.Setup setup = new GridCell.Setup(base.setup(), base.losses(), Noise.NONE);
      for (Map.Entry<String, String> e : values.entrySet()) {
        setup = GridOptions.apply(setup, e.getKey(), e.getValue());
      }
      out.add(new GridCell(values, new CompareConfig(setup.losses(), base.seeds(), setup.model(),
          base.sample(), base.stallThreshold()), setup.noise()));
    }
    return out;
  }

  /** {@code NAME=V1,... NAME=V1,...}, as the options were given. */
  @Override
  public String toString() {
    return String.join(" ", axes.stream().map(GridAxis::toString).toList());
  }
}
