package io.harbormaster.model.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Promotes one environment's images to another's namesake service: the target's containers that the source also
 * has get the source's image; nothing else changes (sizes and counts stay the target's). Which side is newer is told
 * by the image tags when both read as versions (1.4.2, v2.10), else by when each revision was registered.
 */
public final class Promoter {

    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)*");

    private Promoter() {
    }

    public static PromotionPlan plan(TaskDefinitionSpec source, TaskDefinitionSpec target) {
        Map<String, String> images = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        int tagOrder = 0;
        boolean tagsComparable = true;
        for (ContainerSpec from : source.containers()) {
            ContainerSpec to = target.container(from.name()).orElse(null);
            if (to == null) {
                skipped.add(from.name() + ": not in " + target.family());
                continue;
            }
            if (to.image().equals(from.image())) {
                skipped.add(from.name() + ": already " + from.imageTag());
                continue;
            }
            images.put(from.name(), from.image());
            Integer order = compareTags(from.imageTag(), to.imageTag());
            if (order == null) {
                tagsComparable = false;
            } else if (tagOrder == 0) {
                tagOrder = order;
            } else if (order != 0 && Integer.signum(order) != Integer.signum(tagOrder)) {
                tagsComparable = false;
            }
        }
        TaskDefinitionChange change = TaskDefinitionChange.images(images);
        if (images.isEmpty()) {
            return new PromotionPlan(change, PromotionPlan.Side.SAME, "the images are the same on both sides",
                    skipped);
        }
        if (tagsComparable && tagOrder != 0) {
            PromotionPlan.Side side = tagOrder > 0 ? PromotionPlan.Side.SOURCE : PromotionPlan.Side.TARGET;
            return new PromotionPlan(change, side, "by image tag version", skipped);
        }
        return byTime(change, source.registeredAt(), target.registeredAt(), skipped);
    }

    private static PromotionPlan byTime(TaskDefinitionChange change, Instant source, Instant target,
                                        List<String> skipped) {
        if (source == null || target == null) {
            return new PromotionPlan(change, PromotionPlan.Side.UNKNOWN,
                    "the tags are not versions and a registration time is unknown", skipped);
        }
        int order = source.compareTo(target);
        PromotionPlan.Side side = order > 0 ? PromotionPlan.Side.SOURCE
                : order < 0 ? PromotionPlan.Side.TARGET : PromotionPlan.Side.SAME;
        return new PromotionPlan(change, side, "by when each revision was registered", skipped);
    }

    /** Positive when {@code a} is the later version, negative when earlier, null when either is not a version. */
    static Integer compareTags(String a, String b) {
        if (!VERSION.matcher(a).matches() || !VERSION.matcher(b).matches()) {
            return null;
        }
        String[] x = a.replaceFirst("^v", "").split("\\.");
        String[] y = b.replaceFirst("^v", "").split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
