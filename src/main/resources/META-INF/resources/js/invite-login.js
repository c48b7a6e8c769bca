// Logs a just-registered invitee in through the ordinary login form endpoint, so the login gets everything a
// normal one does (throttle, audit, new session id, session registry). The password is read from the field in
// this page; the server never sends it back.
window.imgenInviteLogin = function (username, passwordField) {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = new URL('login', document.baseURI).href;
  form.style.display = 'none';
  const add = (name, value) => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  };
  add('username', username);
  add('password', passwordField.value);
  const token = document.querySelector('meta[name="_csrf"]');
  const parameter = document.querySelector('meta[name="_csrf_parameter"]');
  if (token) {
    add(parameter ? parameter.content : '_csrf', token.content);
  }
  document.body.appendChild(form);
  form.submit();
};
