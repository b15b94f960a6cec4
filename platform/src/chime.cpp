#include "platform/chime.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::platform {
namespace {

constexpr std::size_t k_max_waiting_chimes = 2;

void append_tone(std::vector<std::int16_t>& out, const ChimeSpec& spec, double hz) {
  const int length = std::max(1, spec.sample_rate * spec.tone_ms / 1000);
  const int attack = std::clamp(spec.sample_rate * spec.attack_ms / 1000, 1, length);
  const double peak = std::clamp(spec.peak, 0.0, 1.0) * 32767.0;
  for (int i = 0; i < length; ++i) {
    double envelope = 0.0;
    if (i < attack) {
      envelope = static_cast<double>(i) / attack;
    } else {
      // A bell decays exponentially; the linear factor takes the tail to exactly zero at the last sample.
      const double t = static_cast<double>(i - attack) / std::max(1, length - 1 - attack);
      envelope = std::exp(-3.0 * t) * (1.0 - t);
    }
    const double phase = 2.0 * std::numbers::pi * hz * i / spec.sample_rate;
    // A little of the octave makes it a chime rather than a test tone.
    const double wave = 0.8 * std::sin(phase) + 0.2 * std::sin(2.0 * phase);
    out.push_back(
        static_cast<std::int16_t>(std::lround(std::clamp(wave * envelope * peak, -32767.0, 32767.0))));
  }
}

}  // namespace

std::vector<std::int16_t> make_chime(const ChimeSpec& spec) {
  std::vector<std::int16_t> samples;
  append_tone(samples, spec, spec.first_hz);
  append_tone(samples, spec, spec.second_hz);
  return samples;
}

ChimePlayer::ChimePlayer(const ChimeSpec& spec) : m_samples(make_chime(spec)) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    m_problem = std::string("no audio device: chime off (") + SDL_GetError() + ")";
    return;
  }
  m_audio_started = true;
  SDL_AudioSpec wanted{};
  wanted.freq = spec.sample_rate;
  wanted.format = AUDIO_S16SYS;
  wanted.channels = 1;
  wanted.samples = 1024;
  wanted.callback = nullptr;  // SDL_QueueAudio: no callback thread to share state with
  SDL_AudioSpec obtained{};
  m_device = SDL_OpenAudioDevice(nullptr, 0, &wanted, &obtained, 0);
  if (m_device == 0) {
    m_problem = std::string("no audio device: chime off (") + SDL_GetError() + ")";
    return;
  }
  SDL_PauseAudioDevice(m_device, 0);
}

ChimePlayer::~ChimePlayer() {
  if (m_device != 0) {
    SDL_CloseAudioDevice(m_device);
  }
  if (m_audio_started) {
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }
}

void ChimePlayer::play() {
  ++m_requested;
  if (m_device == 0) {
    return;
  }
  const auto bytes = static_cast<Uint32>(m_samples.size() * sizeof(std::int16_t));
  if (SDL_GetQueuedAudioSize(m_device) >= k_max_waiting_chimes * bytes) {
    return;
  }
  if (SDL_QueueAudio(m_device, m_samples.data(), bytes) == 0) {
    ++m_queued;
  }
}

}  // namespace kiosk::platform
