package studio.imgen.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * OpenAI's images API paths under {@code /v1}, for any OpenAI client pointed at ImGen Studio: the body is read here,
 * the call runs through {@link ImageCallRunner}, and whatever goes wrong is answered in OpenAI's error shape (an
 * unknown path or method included, so a client never gets an HTML page).
 */
@RestController
class ImagesApiController {

    private final ImageCallReader reader;
    private final ImageCallRunner runner;
    private final ModelList models;
    private final ApiErrorWriter errors;
    private final ObjectMapper json;

    ImagesApiController(ImageCallReader reader, ImageCallRunner runner, ModelList models, ApiErrorWriter errors,
                        ObjectMapper json) {
        this.reader = reader;
        this.runner = runner;
        this.models = models;
        this.errors = errors;
        this.json = json;
    }

    @PostMapping("/v1/images/generations")
    void generations(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, () -> runner.run(reader.generation(request), response));
    }

    @PostMapping("/v1/images/edits")
    void edits(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, () -> runner.run(reader.edit(request), response));
    }

    @GetMapping("/v1/models")
    void models(HttpServletResponse response) throws IOException {
        answer(response, () -> {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), Map.of("object", "list", "data", models.forCaller()));
        });
    }

    @RequestMapping("/v1/**")
    void unknown(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        errors.write(response, ApiFailure.notFound("ImGen Studio has no " + request.getMethod() + " "
                + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + ". It offers "
                + String.join(", ", ROUTES) + "."));
    }

    static final List<String> ROUTES = List.of("POST /v1/images/generations", "POST /v1/images/edits",
            "GET /v1/models");

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    private void answer(HttpServletResponse response, Work work) throws IOException {
        try {
            work.run();
        } catch (ApiFailure failure) {
            errors.write(response, failure);
        } catch (RequestSizeLimit.BodyTooLarge tooLarge) {
            errors.write(response, ApiFailure.tooLarge("The request body is too large. Shorten the prompt."));
        }
    }
}
