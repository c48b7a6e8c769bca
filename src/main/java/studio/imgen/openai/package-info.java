/** Adapter over the official openai-java SDK: generate, edit, responses, streaming and typed failures. No Vaadin, no jOOQ. */
package studio.imgen.openai;
