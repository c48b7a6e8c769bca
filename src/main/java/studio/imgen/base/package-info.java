/**
 * The small shared kernel: instance configuration, the embedded database for first runs, and (in {@code ui}) the
 * application shell and reusable components. Depends on no other module except the shell's navigation.
 */
package studio.imgen.base;
