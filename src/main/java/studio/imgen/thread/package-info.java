/** Chat-style edit threads: turns, branching and the mask painter. */
package studio.imgen.thread;
