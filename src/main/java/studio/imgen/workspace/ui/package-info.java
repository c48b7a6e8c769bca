/** The workspace module's views and components; other modules' views may use the public ones (see the module's allowed dependencies). */
@NamedInterface("ui")
package studio.imgen.workspace.ui;

import org.springframework.modulith.NamedInterface;
