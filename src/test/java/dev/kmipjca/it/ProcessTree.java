package dev.kmipjca.it;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process and its descendants by process id: SIGTERM first, SIGKILL for what is still
 * running after a grace period. The descendants are listed before the parent is signalled, since an
 * orphaned child is no longer its descendant. Never matches processes by name.
 */
final class ProcessTree {
    private static final long GRACE_MS = 3000;

    private ProcessTree() {}

    static void stop(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + GRACE_MS;
        try {
            process.waitFor(GRACE_MS, TimeUnit.MILLISECONDS);
            for (ProcessHandle h : tree) {
                long left = deadline - System.currentTimeMillis();
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timedOut) {
            // forced below
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
