package studio.imgen.thread.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.imgen.base.ui.ComingSoon;

/** Threads: placeholder until this capability ships. */
@Route("threads")
@PageTitle("Threads · ImGen Studio")
@PermitAll
class ThreadsView extends Div {

    ThreadsView() {
        add(new ComingSoon("Threads", "Chat-style edit threads arrive in a later release."));
    }
}
