package studio.imgen.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.RequestCacheConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Deny by default: Vaadin's configurer protects every route by its access annotation (a missing annotation means
 * denied), method security guards the services, and the workspace is checked again inside every query.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /** Vaadin's bootstrap needs inline scripts and eval; everything else is same-origin only. */
    static final String APP_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * "/VAADIN" and "/VAADIN/" are never pages: answer 404 before Spring Security would save the request and
     * create a session for an anonymous probe (the CVE-2026-2742 pattern).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> frameworkRootGuard() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (path.equals("/VAADIN") || path.equals("/VAADIN/")) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry about destroyed sessions and changed session ids. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Actuator endpoints (on the app port or a separate management port): health is public, with details only for the
     * metrics user; everything else (prometheus, info, metrics) needs that user over HTTP Basic, and is denied when
     * {@code APP_METRICS_USERNAME}/{@code APP_METRICS_PASSWORD} are not set. Stateless: a scrape never creates a session.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, @Value("${app.metrics.username:}") String username,
                                      @Value("${app.metrics.password:}") String password) throws Exception {
        boolean enabled = MetricsUser.configured(username, password);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
                    if (enabled) {
                        a.anyRequest().hasRole(MetricsUser.ROLE);
                    } else {
                        a.anyRequest().denyAll();
                    }
                })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(RequestCacheConfigurer::disable)
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(metricsChallenge(enabled))
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .headers(headers -> headers.cacheControl(withDefaults()).contentTypeOptions(withDefaults()));
        if (enabled) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(metricsChallenge(true)))
                    .authenticationManager(new ProviderManager(new MetricsUser(username, password)));
        }
        return http.build();
    }

    /**
     * A status, not {@code sendError}: an error dispatch would reach the Vaadin chain and turn the 401 into a
     * redirect to the login page.
     */
    private static AuthenticationEntryPoint metricsChallenge(boolean enabled) {
        return (request, response, failure) -> {
            if (enabled) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"imgen-metrics\"");
            }
            response.setStatus(enabled ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN);
        };
    }

    /**
     * Image bytes: never a login redirect, never a session, never a cached request. Access is decided per image by
     * the gallery module against the caller's workspace, and anything not allowed is a 404, for anonymous callers too.
     */
    @Bean
    @Order(1)
    SecurityFilterChain imageChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/img/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(RequestCacheConfigurer::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; sandbox"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .cacheControl(HeadersConfigurer.CacheControlConfig::disable)
                        .contentTypeOptions(withDefaults()));
        return http.build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain vaadinChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        // Every login is registered so an admin can end a deactivated user's sessions (UserSessions).
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login"));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(APP_CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(withDefaults()));
        // Any other path (static /js/** files, /error, an unknown URL that shows "Page not found") needs a login, as
        // before Vaadin 25, whose configurer now denies such paths to everyone, logged in or not.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("login")
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        return http.build();
    }
}
