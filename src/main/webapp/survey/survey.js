// The survey page of a closed chat's email: the link's fragment carries the token that lets this
// page rate that one chat, so the traveler does not need to sign in.
(() => {
  const token = decodeURIComponent(location.hash.slice(1));
  const form = document.getElementById('survey');
  const outcome = document.getElementById('outcome');

  const say = (text, isError) => {
    outcome.textContent = text;
    outcome.className = isError ? 'error' : '';
  };

  if (!token) {
    form.hidden = true;
    say('This page needs the link from your email.', true);
    return;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="score"]:checked');
    if (!chosen) {
      say('Please pick a rating from 1 to 5.', true);
      return;
    }
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const response = await fetch('/api/survey', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token, score: Number(chosen.value), comment: form.comment.value || null }),
      });
      if (response.ok) {
        form.hidden = true;
        say('Thank you! Your rating was recorded.', false);
      } else if (response.status === 409) {
        form.hidden = true;
        say('This chat has already been rated. Thank you!', false);
      } else if (response.status === 401) {
        say('This link is not valid any more.', true);
      } else {
        say('Your rating could not be sent; please try again.', true);
      }
    } catch (e) {
      say('Your rating could not be sent; please try again.', true);
    } finally {
      button.disabled = false;
    }
  });
})();
