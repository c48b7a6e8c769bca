package studio.imgen.audit.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import studio.imgen.audit.UsageReport;

/**
 * A daily bar chart as SVG text, built on the server: value axis with labelled gridlines, date labels along the
 * bottom, one bar per day with a tooltip. The component that shows it sets it as markup, so every text that goes
 * in is XML-escaped here (today only dates and numbers do).
 */
final class DailyChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 64;
    static final int RIGHT = 12;
    static final int TOP = 16;
    static final int BOTTOM = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private DailyChart() {
    }

    static String svg(String title, List<UsageReport.Day> days, ToLongFunction<UsageReport.Day> value,
                      LongFunction<String> format) {
        long max = days.stream().mapToLong(value).max().orElse(0);
        long top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" class=\"usage-chart-svg\"><title>").append(escape(title)).append("</title>");
        for (int i = 0; i <= 4; i++) {
            long tick = top * i / 4;
            double y = TOP + plotHeight - plotHeight * i / 4;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
                    .append("<text class=\"axis\" text-anchor=\"end\" x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(fmt(y + 4)).append("\">").append(escape(format.apply(tick))).append("</text>");
        }
        double slot = plotWidth / Math.max(1, days.size());
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 8.0));
        for (int i = 0; i < days.size(); i++) {
            UsageReport.Day day = days.get(i);
            long v = value.applyAsLong(day);
            double h = top == 0 ? 0 : plotHeight * v / top;
            double x = LEFT + slot * i + slot * 0.15;
            svg.append("<rect class=\"bar\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(TOP + plotHeight - h))
                    .append("\" width=\"").append(fmt(slot * 0.7)).append("\" height=\"").append(fmt(h)).append("\"><title>")
                    .append(escape(day.day() + ": " + format.apply(v))).append("</title></rect>");
            if (i % labelEvery == 0 || i == days.size() - 1 && days.size() - 1 - i >= labelEvery / 2) {
                svg.append("<text class=\"axis\" text-anchor=\"middle\" x=\"").append(fmt(LEFT + slot * i + slot / 2))
                        .append("\" y=\"").append(HEIGHT - BOTTOM + 16).append("\">").append(escape(label(day.day())))
                        .append("</text>");
            }
        }
        svg.append("<line class=\"baseline\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(fmt(TOP + plotHeight)).append("\" y2=\"").append(fmt(TOP + plotHeight)).append("\"/>")
                .append("<text class=\"axis-title\" text-anchor=\"middle\" x=\"").append(LEFT + (int) plotWidth / 2)
                .append("\" y=\"").append(HEIGHT - 4).append("\">Day (UTC)</text></svg>");
        return svg.toString();
    }

    static String label(LocalDate day) {
        return DAY.format(day);
    }

    /** The top of the value axis: four gridline steps of 1, 2 or 5 × 10ⁿ, so every label is a round number. */
    static long niceCeiling(long value) {
        long step = Math.max(1, (value + 3) / 4);
        long magnitude = 1;
        while (magnitude * 10 <= step) {
            magnitude *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * magnitude >= step) {
                return 4 * m * magnitude;
            }
        }
        return 4 * step;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
