#include "printer/file_directory_transport.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "temp_dir.hpp"

namespace kiosk::printer {
namespace {

using namespace std::chrono_literals;

std::vector<std::byte> job_bytes(std::string_view text) {
  std::vector<std::byte> out;
  for (const char c : text)
    out.push_back(static_cast<std::byte>(c));
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> names_in(const std::filesystem::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(FileDirectoryTransport, WritesOneNumberedFilePerJobAndNoTemporaries) {
  test::TempDir dir("print-file");
  FileDirectoryTransport transport(dir.path());
  ASSERT_TRUE(transport.send(job_bytes("first\x1B@"), 1s).ok);
  ASSERT_TRUE(transport.send(job_bytes(std::string("sec\0ond", 7)), 1s).ok);
  EXPECT_THAT(names_in(dir.path()), testing::ElementsAre("job-1.bin", "job-2.bin"));
  EXPECT_EQ(read_file(dir / "job-1.bin"), "first\x1B@");
  EXPECT_EQ(read_file(dir / "job-2.bin"), std::string("sec\0ond", 7));
}

TEST(FileDirectoryTransport, ContinuesAfterExistingJobsAndNeverOverwrites) {
  test::TempDir dir("print-file");
  std::ofstream(dir / "job-7.bin") << "old";
  std::ofstream(dir / "notes.txt") << "not a job";
  FileDirectoryTransport transport(dir.path());
  ASSERT_TRUE(transport.send(job_bytes("new"), 1s).ok);
  EXPECT_EQ(read_file(dir / "job-7.bin"), "old");
  EXPECT_EQ(read_file(dir / "job-8.bin"), "new");
  // Another writer took the next number meanwhile: the job goes to the one after.
  std::ofstream(dir / "job-9.bin") << "other writer";
  ASSERT_TRUE(transport.send(job_bytes("newer"), 1s).ok);
  EXPECT_EQ(read_file(dir / "job-9.bin"), "other writer");
  EXPECT_EQ(read_file(dir / "job-10.bin"), "newer");
}

TEST(FileDirectoryTransport, MissingDirectoryIsUnavailableUntilItAppears) {
  test::TempDir dir("print-file");
  FileDirectoryTransport transport(dir / "spool");
  const SendResult missing = transport.send(job_bytes("x"), 1s);
  EXPECT_FALSE(missing.ok);
  EXPECT_EQ(missing.fault, PrinterFault::unavailable);
  EXPECT_THAT(missing.message, testing::HasSubstr("spool"));

  std::filesystem::create_directory(dir / "spool");
  EXPECT_TRUE(transport.send(job_bytes("x"), 1s).ok);
  EXPECT_EQ(read_file(dir / "spool" / "job-1.bin"), "x");
}

TEST(FileDirectoryTransport, AFileInPlaceOfTheDirectoryIsUnavailable) {
  test::TempDir dir("print-file");
  std::ofstream(dir / "spool") << "a file";
  FileDirectoryTransport transport(dir / "spool");
  const SendResult result = transport.send(job_bytes("x"), 1s);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.fault, PrinterFault::unavailable);
}

TEST(FileDirectoryTransport, ReadOnlyDirectoryIsUnavailable) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root ignores directory permissions";
  test::TempDir dir("print-file");
  std::filesystem::permissions(dir.path(),
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  FileDirectoryTransport transport(dir.path());
  const SendResult result = transport.send(job_bytes("x"), 1s);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.fault, PrinterFault::unavailable);
}

}  // namespace
}  // namespace kiosk::printer
