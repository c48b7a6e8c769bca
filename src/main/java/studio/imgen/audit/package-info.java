/** The append-only audit log, usage and cost reporting, and the log webhook. */
package studio.imgen.audit;
