/** The generation pipeline (admission, durable job, upstream call, storage, events) and the generate view. */
package studio.imgen.generate;
