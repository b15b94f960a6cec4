#pragma once
// One turn of the hall display's loop (`run --role display`): the runner waits, ticks the app (which polls
// the now-serving feed) and draws if something changed; then the chimes the feed owes are played. The
// real run and the tests share this, so what a test counts is what a hall hears.

#include <chrono>

#include "app/now_serving.hpp"
#include "platform/chime.hpp"
#include "ui/kiosk_runner.hpp"

namespace kiosk::ui {

// Returns false once quit was requested (window closed, SIGTERM).
bool pump_now_serving(KioskRunner& runner, app::NowServingFeed& feed, platform::ChimePlayer& chime,
                      std::chrono::milliseconds max_wait);

}  // namespace kiosk::ui
