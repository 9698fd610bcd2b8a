package org.myotrack.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per key (a user name and the address it came from) and holds a key back once it has failed
 * too often. A hold is bounded: the first lasts {@code lockout}, each further one within the window twice as long, never
 * longer than {@code maxLockout}, and a successful sign-in clears the key. Plain Java over a clock, so the timing can be
 * tested without waiting; {@link LoginThrottle} is the registry's instance.
 */
public final class FailedLogins {

    private final int maxFailures;
    private final long windowNanos;
    private final long lockoutNanos;
    private final long maxLockoutNanos;
    private final int maxTracked;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * What is known of one key: failures since {@code firstFailure} (counted afresh after each hold), the end of the
     * current hold, and how many holds it has had in a row.
     */
    private record Entry(int failures, long firstFailure, long lockedUntil, int locks, long lastSeen) {
    }

    public FailedLogins(int maxFailures, Duration window, Duration lockout, Duration maxLockout, int maxTracked,
                        LongSupplier nanoTime) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()
                || maxLockout.compareTo(lockout) < 0 || maxTracked < 1) {
            throw new IllegalArgumentException("myotrack.login: max-failures and max-tracked must be at least 1, window and"
                    + " lockout positive, and max-lockout at least lockout");
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.lockoutNanos = lockout.toNanos();
        this.maxLockoutNanos = maxLockout.toNanos();
        this.maxTracked = maxTracked;
        this.nanoTime = nanoTime;
    }

    /** How long the key is still held back, if it is. */
    public Optional<Duration> heldBack(String key) {
        Entry entry = entries.get(key);
        long now = nanoTime.getAsLong();
        if (entry == null || entry.lockedUntil() - now <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(entry.lockedUntil() - now));
    }

    /** Counts a failed sign-in; the failure that reaches {@code maxFailures} within the window starts a hold. */
    public void recordFailure(String key) {
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxTracked && !entries.containsKey(key)) {
            forgetIdle(now);
        }
        entries.compute(key, (ignored, entry) -> {
            if (entry == null) {
                entry = new Entry(0, now, now, 0, now);
            }
            boolean quietSinceLastHold = entry.locks() > 0 && now - entry.lockedUntil() > windowNanos;
            int locks = quietSinceLastHold ? 0 : entry.locks();
            boolean windowOver = now - entry.firstFailure() > windowNanos;
            int failures = (windowOver ? 0 : entry.failures()) + 1;
            long firstFailure = windowOver || entry.failures() == 0 ? now : entry.firstFailure();
            if (failures < maxFailures) {
                return new Entry(failures, firstFailure, entry.lockedUntil(), locks, now);
            }
            long hold = lockoutNanos << Math.min(locks, 20);
            hold = hold <= 0 || hold > maxLockoutNanos ? maxLockoutNanos : hold;
            return new Entry(0, now, now + hold, locks + 1, now);
        });
    }

    /** A successful sign-in forgets the key's failures and holds. */
    public void recordSuccess(String key) {
        entries.remove(key);
    }

    /** Number of keys remembered, bounded by {@code maxTracked} plus those held back right now. */
    public int tracked() {
        return entries.size();
    }

    /**
     * Forgets keys neither held back nor failing within the window; if that is not enough, every key not held back.
     * A flood of made-up names then costs the attacker the counts of other names, never a hold already started.
     */
    private void forgetIdle(long now) {
        entries.entrySet().removeIf(entry -> entry.getValue().lockedUntil() - now <= 0
                && now - entry.getValue().lastSeen() > windowNanos);
        if (entries.size() >= maxTracked) {
            entries.entrySet().removeIf(entry -> entry.getValue().lockedUntil() - now <= 0);
        }
    }
}
