package studio.imgen.gallery.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.imgen.base.ui.ComingSoon;
import studio.imgen.base.ui.MainLayout;

/** Gallery: placeholder until this capability ships. */
@Route(value = "gallery", layout = MainLayout.class)
@PageTitle("Gallery · ImGen Studio")
@PermitAll
public class GalleryView extends Div {

    GalleryView() {
        add(new ComingSoon("Gallery", "The gallery of your team's images arrives with image generation."));
    }
}
