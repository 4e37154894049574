package io.mailwarden.backup.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which snapshots to keep: the newest of each of the last {@code daily} days that have one, and the newest of
 * each of the last {@code weekly} ISO weeks that have one (days and weeks in {@code zone}). A snapshot either
 * rule keeps stays; the newest one always stays.
 */
public record Retention(int daily, int weekly, ZoneId zone) {

    public Retention {
        if (daily < 1) {
            throw new IllegalArgumentException("keep-daily: must be at least 1, not " + daily);
        }
        if (weekly < 0) {
            throw new IllegalArgumentException("keep-weekly: must not be negative, not " + weekly);
        }
    }

    /** Of snapshots taken at these times, those to keep. */
    public Set<Instant> keep(Collection<Instant> taken) {
        List<Instant> newestFirst = taken.stream().sorted(Comparator.reverseOrder()).toList();
        Set<Instant> keep = new HashSet<>();
        keep.addAll(newestPer(newestFirst, t -> LocalDate.ofInstant(t, zone), daily));
        keep.addAll(newestPer(newestFirst, t -> {
            ZonedDateTime z = t.atZone(zone);
            return z.get(IsoFields.WEEK_BASED_YEAR) * 100 + z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }, weekly));
        return keep;
    }

    private static Set<Instant> newestPer(List<Instant> newestFirst, Function<Instant, Object> period, int periods) {
        Set<Object> seen = new LinkedHashSet<>();
        Set<Instant> keep = new HashSet<>();
        for (Instant t : newestFirst) {
            if (seen.size() == periods && !seen.contains(period.apply(t))) {
                break;
            }
            if (seen.add(period.apply(t))) {
                keep.add(t);
            }
        }
        return keep;
    }
}
