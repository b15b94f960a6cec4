#pragma once
// `branch-kiosk run --role display`: the hall's now-serving screen. It reads calls from the counter link of
// the kiosk appliance (GET /v1/now-serving, bearer token, pinned private CA) through one fetch callback,
// draws them with the real UI (a window, or headless), and chimes through SDL audio on each new call.

#include <string>

#include "app/now_serving.hpp"
#include "app/startup.hpp"
#include "cli/commands.hpp"

namespace kiosk::cli {

// The fetch callback for the counter link `link` names. The HTTPS client belongs to the counter link
// (its own module); until it is wired here this returns an empty callback and says why in `note`, and the
// display shows "Waiting for the counter link": it never shows a call it did not receive. Also empty, with
// a note, when the link is named without its CA or token file, or not over https.
app::FetchNowServing make_now_serving_fetch(const DisplayLinkOptions& link, std::string& note);

int run_display(app::Startup& startup, const RunOptions& options);

}  // namespace kiosk::cli
