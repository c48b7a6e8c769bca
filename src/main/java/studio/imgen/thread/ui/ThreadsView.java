package studio.imgen.thread.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.imgen.base.ui.ComingSoon;
import studio.imgen.base.ui.MainLayout;

/** Threads: placeholder until this capability ships. */
@Route(value = "threads", layout = MainLayout.class)
@PageTitle("Threads · ImGen Studio")
@PermitAll
public class ThreadsView extends Div {

    ThreadsView() {
        add(new ComingSoon("Threads", "Chat-style edit threads arrive in a later release."));
    }
}
