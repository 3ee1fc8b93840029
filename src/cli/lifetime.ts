/**
 * How the long-running commands (class-booking-mock, npm start) end. On SIGINT, SIGTERM or SIGHUP,
 * and also when the process that started them goes away: npm and npx start commands through a
 * shell that does not pass signals on, so when `kill <pid of npm>` ends npm and the shell, this
 * process would be left running with a new parent. It notices within `pollMs`.
 * Each way runs `stop` once (bounded by `stopMs`) and exits with code 0.
 */
/**
 * The parent as it was when this module loaded, at the very start of the command. Read later (once
 * the server listens), a parent that went away in the meantime would already have been replaced,
 * and the command would never notice it is orphaned: on a busy machine the line that says
 * "listening" can reach whoever kills npm before this process has read its parent.
 */
const parentAtStart = process.ppid;

export function exitWithParent(stop: () => Promise<unknown> | unknown, pollMs = 100, stopMs = 1_200): void {
  let stopping = false;
  const parent = parentAtStart;
  const end = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    setTimeout(() => process.exit(0), stopMs).unref();
    Promise.resolve()
      .then(stop)
      .catch(() => {})
      .finally(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, end);
  const watch = setInterval(() => {
    if (process.ppid !== parent) end();
  }, pollMs);
  watch.unref();
}
