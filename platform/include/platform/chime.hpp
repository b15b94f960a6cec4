#pragma once
// The now-serving display's chime: a short two-tone "ding-dong" generated in code (no asset file), and
// the player that sends it to the sound card through SDL audio.
//
// The tone is pure arithmetic so tests can check it: its length, that no sample clips, and that each
// tone fades to silence (a tone cut off mid-wave clicks). The player never blocks and never throws: with
// no audio device (headless, CI, a screen without speakers) it stays silent and says why once.

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::platform {

struct ChimeSpec {
  int sample_rate = 48000;
  double first_hz = 659.25;   // E5, then
  double second_hz = 523.25;  // C5: the falling third people know as "your turn"
  int tone_ms = 450;          // each tone
  int attack_ms = 8;          // rise from silence (no click at the start)
  double peak = 0.6;          // of full scale: loud enough for a hall, with headroom
};

// Mono signed 16-bit samples: both tones back to back, each with a short linear attack and an exponential
// decay forced to exactly zero at its last sample.
std::vector<std::int16_t> make_chime(const ChimeSpec& spec = {});

class ChimePlayer {
 public:
  // Opens the default audio output (starting SDL's audio subsystem). Without one, the player is off:
  // problem() says why and play() only counts.
  explicit ChimePlayer(const ChimeSpec& spec = {});
  ~ChimePlayer();
  ChimePlayer(const ChimePlayer&) = delete;
  ChimePlayer& operator=(const ChimePlayer&) = delete;

  bool available() const { return m_device != 0; }
  // Why there is no sound ("no audio device: chime off (...)"); empty when available.
  const std::string& problem() const { return m_problem; }

  // Queues one chime. Calls that come faster than the chime plays are coalesced: at most two chimes wait,
  // so ten calls at once do not ring for ten seconds.
  void play();
  int requested() const { return m_requested; }  // every play() call
  int queued() const { return m_queued; }        // chimes handed to the sound card

 private:
  std::vector<std::int16_t> m_samples;
  std::uint32_t m_device = 0;
  std::string m_problem;
  bool m_audio_started = false;
  int m_requested = 0;
  int m_queued = 0;
};

}  // namespace kiosk::platform
