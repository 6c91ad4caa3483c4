package dev.payback.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pain:}, the status quo. A driver missing from the file is absent from {@link #drivers()}
 * and counts as 0.
 */
public record Pain(Map<Driver, Input> drivers, List<Other> other, List<Event> events) {

    public Pain {
        EnumMap<Driver, Input> copy = new EnumMap<>(Driver.class);
        copy.putAll(drivers);
        drivers = Collections.unmodifiableMap(copy);
        other = List.copyOf(other);
        events = List.copyOf(events);
    }

    /** An {@code other:} item: a named yearly cost. Path {@code pain.other.<name>}. */
    public record Other(String name, Input perYear) { }

    /**
     * An {@code events:} item: each year it happens with {@code probability}; its {@code cost} is
     * drawn once per trial. Paths {@code pain.events.<name>.probability} and {@code .cost}.
     */
    public record Event(String name, Input probability, Input cost) { }

    /** The pain inputs: drivers in enum order, then other, then events (probability, cost). */
    public List<Input> inputs() {
        List<Input> all = new ArrayList<>(drivers.values());
        for (Other o : other) {
            all.add(o.perYear());
        }
        for (Event e : events) {
            all.add(e.probability());
            all.add(e.cost());
        }
        return all;
    }
}
