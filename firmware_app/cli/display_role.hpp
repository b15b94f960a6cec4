#pragma once
// `branch-kiosk run --role display`: the hall's now-serving screen. It reads calls from the counter link of
// the kiosk appliance (GET /v1/now-serving, bearer token, pinned private CA) through one fetch callback,
// draws them with the real UI (a window, or headless), and chimes through SDL audio on each new call.

#include <string>

#include "app/now_serving.hpp"
#include "app/startup.hpp"
#include "cli/commands.hpp"

namespace kiosk::cli {

// The fetch callback for the counter link `link` names: GET <url>/v1/now-serving?after=SEQ&limit=20 with
// the display token and only the given CA trusted (counter_link::LinkClient), 1 s to connect and 2 s in
// all, since it runs on the display's UI thread. Empty, with the reason in `note` (the display then shows
// "Waiting for the counter link" and never a call it did not receive), when no link is named, it is not
// https, the CA or token file is missing, or the token file cannot be read.
app::FetchNowServing make_now_serving_fetch(const DisplayLinkOptions& link, std::string& note);

int run_display(app::Startup& startup, const RunOptions& options);

}  // namespace kiosk::cli
