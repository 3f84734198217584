package dev.fedpilot.testing;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * What a screenshot review catches, as checks over a laid-out scene graph: identifiers (text without spaces)
 * cut without a tooltip or wrapped over more than two lines, a heading drawn over other text, a title turned
 * into "…".
 */
public final class LayoutChecks {
    private static final List<String> HEADINGS = List.of("fp-pane-title", "fp-step-title", "fp-title", "title-3",
            "title-4", "fp-section-title", "fp-card-title");

    private LayoutChecks() {
    }

    public static List<String> of(Parent root) {
        List<Labeled> labels = new ArrayList<>();
        collect(root, labels);
        List<String> problems = new ArrayList<>();
        for (Labeled label : labels) {
            String text = label.getText();
            Text shown = shownText(label);
            if (text == null || text.isBlank() || shown == null) {
                continue;
            }
            boolean cut = !text.equals(shown.getText());
            if (cut && label.getTooltip() == null) {
                problems.add("cut without a tooltip: \"" + shown.getText() + "\" for \"" + text + "\"");
            }
            if (isHeading(label) && cut && shown.getText().replace("\u2026", "").strip().length() < 3) {
                problems.add("heading reduced to \"" + shown.getText() + "\"");
            }
            double lineHeight = lineHeight(shown);
            if (!text.strip().contains(" ") && text.length() > 8
                    && shown.getLayoutBounds().getHeight() > 2.5 * lineHeight) {
                problems.add("identifier wraps over " + Math.round(shown.getLayoutBounds().getHeight() / lineHeight)
                        + " lines: \"" + text + "\"");
            }
        }
        for (Labeled heading : labels) {
            if (!isHeading(heading)) {
                continue;
            }
            Bounds h = shown(heading);
            for (Labeled other : labels) {
                if (other == heading || related(heading, other) || other.getText() == null || other.getText().isBlank()) {
                    continue;
                }
                Bounds o = shown(other);
                if (o == null) {
                    continue;
                }
                // a pixel of touching is layout rounding, not an overlap
                double dx = Math.min(h.getMaxX(), o.getMaxX()) - Math.max(h.getMinX(), o.getMinX());
                double dy = Math.min(h.getMaxY(), o.getMaxY()) - Math.max(h.getMinY(), o.getMinY());
                if (dx > 2 && dy > 2) {
                    problems.add("heading \"" + heading.getText() + "\" overlaps \"" + other.getText() + "\"");
                }
            }
        }
        return problems;
    }

    private static void collect(Node node, List<Labeled> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled l && l.getScene() != null && l.getWidth() > 0 && l.getHeight() > 0
                && shown(l) != null) {
            out.add(l);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    /**
     * The part of a node the user can see, in scene coordinates: its bounds cut by every clipping ancestor
     * (scroll panes, list and table viewports); null when scrolled out of sight.
     */
    private static Bounds shown(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        double minX = b.getMinX();
        double minY = b.getMinY();
        double maxX = b.getMaxX();
        double maxY = b.getMaxY();
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n.getClip() != null) {
                Bounds c = n.localToScene(n.getClip().getBoundsInParent());
                minX = Math.max(minX, c.getMinX());
                minY = Math.max(minY, c.getMinY());
                maxX = Math.min(maxX, c.getMaxX());
                maxY = Math.min(maxY, c.getMaxY());
            }
        }
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, node.getScene().getWidth(), node.getScene().getHeight());
        minX = Math.max(minX, scene.getMinX());
        minY = Math.max(minY, scene.getMinY());
        maxX = Math.min(maxX, scene.getMaxX());
        maxY = Math.min(maxY, scene.getMaxY());
        return maxX - minX < 1 || maxY - minY < 1 ? null : new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static boolean isHeading(Labeled label) {
        return label.getStyleClass().stream().anyMatch(HEADINGS::contains);
    }

    private static boolean related(Node a, Node b) {
        for (Node n = a; n != null; n = n.getParent()) {
            if (n == b) {
                return true;
            }
        }
        for (Node n = b; n != null; n = n.getParent()) {
            if (n == a) {
                return true;
            }
        }
        return false;
    }

    /** The text node a label's skin draws: its text is the label's text, cut with "…" when it does not fit. */
    private static Text shownText(Labeled label) {
        for (Node child : label.getChildrenUnmodifiable()) {
            if (child instanceof Text t && t.getClass().getSimpleName().equals("LabeledText")) {
                return t;
            }
        }
        return null;
    }

    private static double lineHeight(Text shown) {
        Text probe = new Text("Xg");
        probe.setFont(shown.getFont());
        return probe.getLayoutBounds().getHeight();
    }
}
