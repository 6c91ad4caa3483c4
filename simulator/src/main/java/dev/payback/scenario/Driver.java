package dev.payback.scenario;

/** The named pain drivers of docs/model.md section 1 ({@code pain:} keys other than other/events). */
public enum Driver {
    EXCEPTION_RATE("exception_rate", Domain.UNIT),
    MINUTES_PER_EXCEPTION("minutes_per_exception", Domain.NON_NEGATIVE),
    EXPEDITE_SHARE_OF_EXCEPTIONS("expedite_share_of_exceptions", Domain.UNIT),
    EXPEDITE_FEE("expedite_fee", Domain.NON_NEGATIVE),
    CANCELLATION_RATE("cancellation_rate", Domain.UNIT),
    CHURN_SHARE_OF_CANCELLATIONS("churn_share_of_cancellations", Domain.UNIT),
    CUSTOMER_LIFETIME_MARGIN("customer_lifetime_margin", Domain.NON_NEGATIVE),
    TICKETS_PER_EXCEPTION("tickets_per_exception", Domain.NON_NEGATIVE),
    COST_PER_TICKET("cost_per_ticket", Domain.NON_NEGATIVE),
    RECONCILIATION_HOURS_PER_WEEK("reconciliation_hours_per_week", Domain.NON_NEGATIVE),
    EXCESS_INVENTORY_VALUE("excess_inventory_value", Domain.NON_NEGATIVE),
    CARRYING_COST_RATE("carrying_cost_rate", Domain.UNIT),
    WRITE_OFFS_PER_YEAR("write_offs_per_year", Domain.NON_NEGATIVE);

    private final String key;
    private final Domain domain;

    Driver(String key, Domain domain) {
        this.key = key;
        this.domain = domain;
    }

    /** The YAML key, e.g. {@code exception_rate}. */
    public String key() { return key; }

    public Domain domain() { return domain; }

    /** The canonical input path, e.g. {@code pain.exception_rate}. */
    public String path() { return "pain." + key; }

    /** The driver with this YAML key, or null. */
    public static Driver byKey(String key) {
        for (Driver d : values()) {
            if (d.key.equals(key)) {
                return d;
            }
        }
        return null;
    }
}
