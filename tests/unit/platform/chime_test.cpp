// The chime: its samples (length, headroom, silence at both ends of each tone) and the player with and
// without a sound card.
#include "platform/chime.hpp"

#include <SDL.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace kiosk::platform {
namespace {

TEST(ChimeTone, HasTwoTonesOfTheRequestedLength) {
  const ChimeSpec spec{.sample_rate = 48000, .tone_ms = 450};
  const auto samples = make_chime(spec);
  EXPECT_EQ(samples.size(), 2U * 48000U * 450U / 1000U);
  const auto other = make_chime({.sample_rate = 22050, .tone_ms = 200});
  EXPECT_EQ(other.size(), 2U * 22050U * 200U / 1000U);
}

TEST(ChimeTone, NeverClipsAndStaysWithinThePeak) {
  for (const double peak : {0.6, 1.0, 5.0}) {
    const auto samples = make_chime({.peak = peak});
    const auto loudest = std::abs(*std::max_element(
        samples.begin(), samples.end(), [](auto a, auto b) { return std::abs(int{a}) < std::abs(int{b}); }));
    EXPECT_LT(loudest, 32767) << peak;  // never full scale: no clipped wave tops
    EXPECT_LE(loudest, std::lround(std::min(peak, 1.0) * 32767.0)) << peak;
    EXPECT_GT(loudest, std::lround(std::min(peak, 1.0) * 32767.0 * 0.5)) << peak;  // and it is audible
  }
}

TEST(ChimeTone, EachToneStartsAndEndsInSilence) {
  const ChimeSpec spec{};
  const auto samples = make_chime(spec);
  const std::size_t tone = samples.size() / 2;
  EXPECT_EQ(samples.front(), 0);
  EXPECT_EQ(samples[tone - 1], 0);  // end of the first tone: no click before the second
  EXPECT_EQ(samples[tone], 0);
  EXPECT_EQ(samples.back(), 0);
  // The decay is smooth: the last few milliseconds are quiet.
  const std::size_t tail = static_cast<std::size_t>(spec.sample_rate) * 5 / 1000;
  for (std::size_t i = samples.size() - tail; i < samples.size(); ++i) {
    EXPECT_LT(std::abs(int{samples[i]}), 200) << i;
  }
}

TEST(ChimeTone, TheTwoTonesHaveTheirPitch) {
  const ChimeSpec spec{};
  const auto samples = make_chime(spec);
  const std::size_t tone = samples.size() / 2;
  // Count rising zero crossings over each tone: about frequency * duration.
  const auto crossings = [&](std::size_t from, std::size_t to) {
    int count = 0;
    for (std::size_t i = from + 1; i < to; ++i) {
      count += (samples[i - 1] < 0 && samples[i] >= 0) ? 1 : 0;
    }
    return count;
  };
  const double seconds = spec.tone_ms / 1000.0;
  EXPECT_NEAR(crossings(0, tone), spec.first_hz * seconds, spec.first_hz * seconds * 0.05);
  EXPECT_NEAR(crossings(tone, samples.size()), spec.second_hz * seconds, spec.second_hz * seconds * 0.05);
}

class ChimePlayerTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(SDL_Init(SDL_INIT_EVENTS), 0) << SDL_GetError(); }
  void TearDown() override {
    SDL_Quit();
    unsetenv("SDL_AUDIODRIVER");
  }
};

TEST_F(ChimePlayerTest, WithoutAnAudioDeviceItSaysSoAndOnlyCounts) {
  setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
  ChimePlayer player;
  EXPECT_FALSE(player.available());
  EXPECT_EQ(player.problem().rfind("no audio device: chime off", 0), 0U) << player.problem();
  player.play();
  player.play();
  EXPECT_EQ(player.requested(), 2);
  EXPECT_EQ(player.queued(), 0);
}

TEST_F(ChimePlayerTest, QueuesChimesAndCoalescesABurst) {
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  ChimePlayer player;
  if (!player.available()) {
    GTEST_SKIP() << "SDL has no dummy audio driver here: " << player.problem();
  }
  EXPECT_TRUE(player.problem().empty());
  for (int i = 0; i < 10; ++i) {
    player.play();
  }
  EXPECT_EQ(player.requested(), 10);
  EXPECT_GE(player.queued(), 1);
  EXPECT_LE(player.queued(), 3);  // ten calls at once do not ring ten times
}

}  // namespace
}  // namespace kiosk::platform
