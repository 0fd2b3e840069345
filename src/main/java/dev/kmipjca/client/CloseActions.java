package dev.kmipjca.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The actions that run once when a {@link KmipClient} closes ({@link KmipClient#onClose}): each added
 * action runs exactly once, at close, or at once when added after it.
 */
final class CloseActions {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean closed;

    void add(Runnable action) {
        synchronized (actions) {
            if (!closed) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Marks closed and runs the actions added so far, in order; later ones run when added. */
    void close() {
        List<Runnable> run;
        synchronized (actions) {
            closed = true;
            run = List.copyOf(actions);
            actions.clear();
        }
        run.forEach(Runnable::run);
    }
}
