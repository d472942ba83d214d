// Starts Swagger UI on the contract this server serves. A file of its own, not an inline script,
// so the docs page runs under a Content-Security-Policy without 'unsafe-inline' scripts.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // never call validator.swagger.io: the docs work offline
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
