package studio.imgen.audit;

import java.util.List;
import java.util.UUID;

/** What the filter pickers offer: the workspace's members and the catalogue's models. */
public record AuditFilterOptions(List<Person> users, List<Model> models) {

    public record Person(UUID id, String name) {
    }

    public record Model(String id, String label) {
    }
}
