package io.emporium.observability.prometheus;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: every identifier that is not a function, an
 * aggregation, a keyword, a label (in {@code by (...)}, {@code {...}}) or a duration. Recording
 * rules' names (with a colon) are included; callers tell them apart.
 */
public final class MetricNames {

  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "inf", "nan");

  private MetricNames() {}

  public static Set<String> of(String expr) {
    String bare = STRINGS.matcher(expr).replaceAll("\"\"");
    bare = MATCHERS.matcher(bare).replaceAll(" ");
    bare = RANGES.matcher(bare).replaceAll(" ");
    bare = GROUPING.matcher(bare).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      boolean call = m.group(2) != null;
      String name = m.group(1);
      if (!call && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        names.add(name);
      }
    }
    return names;
  }
}
