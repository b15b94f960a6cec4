// Reports and downstream data over a real SQLite file.
#include <gtest/gtest.h>

#include <chrono>

#include "headoffice/central_db.hpp"
#include "headoffice/downstream.hpp"
#include "headoffice/ingest.hpp"
#include "headoffice/registry.hpp"
#include "headoffice/report.hpp"
#include "sync/protocol/batch.hpp"
#include "temp_dir.hpp"

namespace kiosk::headoffice {
namespace {

namespace protocol = sync::protocol;
using namespace std::chrono_literals;

protocol::Envelope event(int n, std::string type, nlohmann::json data) {
  protocol::Envelope e;
  e.id = "01890a5d-ac96-774b-bcce-00000000000" + std::to_string(n);
  e.seq = static_cast<std::uint64_t>(n);
  e.type = std::move(type);
  e.at = "2026-11-23T09:15:02.123Z";
  e.data = std::move(data);
  return e;
}

class ReportTest : public ::testing::Test {
 protected:
  ReportTest() : m_db(open_central_db(m_dir / "ho.sqlite")) {
    KioskRegistry(m_db).register_kiosk("kiosk-01", "br-001");
    KioskRegistry(m_db).register_kiosk("kiosk-02", "br-001");
    protocol::Batch b;
    b.kiosk = "kiosk-01";
    b.branch = "br-001";
    b.boot_id = "boot";
    b.batch_id = "01890a5d-ac96-774b-bcce-b30000000001";
    b.events = {
        event(1, "ticket.issued", {{"number", "A001"}}),
        event(2, "ticket.issued", {{"number", "A002"}}),
        event(3, "complaint.submitted",
              {{"reference", "R-1"}, {"final_response_by", "2026-11-20T00:00:00Z"}}),
        event(4, "complaint.submitted",
              {{"reference", "R-2"}, {"final_response_by", "2026-12-20T00:00:00Z"}}),
        event(5, "complaint.submitted",
              {{"reference", "R-3"}, {"final_response_by", "2026-11-01T00:00:00Z"}}),
        event(6, "survey.answered", {{"answers", {{"nps_score", 10}, {"csat", 5}}}}),
        event(7, "survey.answered", {{"answers", {{"nps_score", 3}, {"csat", 2}}}}),
        event(8, "survey.answered", {{"scores", {{"nps", 9}}}, {"answers", nlohmann::json::object()}}),
    };
    Ingestor ingestor(m_db);
    auto result =
        ingestor.ingest(protocol::serialize_batch(b), {"kiosk-01", std::nullopt, std::nullopt}, m_now - 1min);
    EXPECT_EQ(result.status, IngestStatus::acked) << result.error;
  }

  test::TempDir m_dir{"ho-report"};
  store::Database m_db;
  std::chrono::system_clock::time_point m_now =
      std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + 10h;
};

TEST_F(ReportTest, CountsPerKiosk) {
  ComplaintStatusLog log(m_db);
  ASSERT_TRUE(log.append("R-3", "resolved", std::nullopt, m_now));
  Report report = build_report(m_db, m_now);
  ASSERT_EQ(report.kiosks.size(), 2U);
  const KioskReport& k1 = report.kiosks[0];
  EXPECT_EQ(k1.kiosk, "kiosk-01");
  EXPECT_EQ(k1.tickets, 2);
  EXPECT_EQ(k1.complaints, 3);
  EXPECT_EQ(k1.complaints_open, 2);
  EXPECT_EQ(k1.complaints_overdue, 1);
  EXPECT_EQ(k1.survey_responses, 3);
  ASSERT_TRUE(k1.nps);
  EXPECT_NEAR(*k1.nps, 100.0 * (2 - 1) / 3, 1e-9);
  ASSERT_TRUE(k1.csat);
  EXPECT_NEAR(*k1.csat, 50.0, 1e-9);
  EXPECT_FALSE(k1.offline);
  EXPECT_TRUE(report.kiosks[1].offline);  // never heard from
  EXPECT_FALSE(report.kiosks[1].nps);

  ASSERT_TRUE(record_kiosk_state(m_db, "kiosk-01", false, "{}", m_now));
  EXPECT_TRUE(build_report(m_db, m_now).kiosks[0].offline);
  auto json = nlohmann::json::parse(report_to_json(report));
  EXPECT_EQ(json["kiosks"][0]["complaints_overdue"], 1);
  EXPECT_NE(report_to_text(report).find("kiosk kiosk-01 online"), std::string::npos);
}

TEST_F(ReportTest, ComplaintStatusLogPagesPerKiosk) {
  ComplaintStatusLog log(m_db);
  EXPECT_FALSE(log.append("R-404", "resolved", std::nullopt, m_now));
  EXPECT_FALSE(log.append("R-1", "", std::nullopt, m_now));
  auto c1 = log.append("R-1", "in_progress", std::string("called back"), m_now);
  auto c2 = log.append("R-2", "resolved", std::nullopt, m_now);
  ASSERT_TRUE(c1 && c2);
  auto page = log.page("kiosk-01", 0, 1);
  ASSERT_EQ(page.changes.size(), 1U);
  EXPECT_EQ(page.changes[0].ref, "R-1");
  EXPECT_EQ(page.changes[0].note, std::optional<std::string>("called back"));
  auto rest = log.page("kiosk-01", page.next, 10);
  ASSERT_EQ(rest.changes.size(), 1U);
  EXPECT_EQ(rest.changes[0].status, "resolved");
  EXPECT_EQ(log.page("kiosk-01", rest.next, 10).next, rest.next);
  EXPECT_TRUE(log.page("kiosk-02", 0, 10).changes.empty());
}

TEST_F(ReportTest, BundleVersionsOnlyGoUp) {
  BundleStore bundles(m_db);
  protocol::Bundle bundle;
  bundle.kind = "config";
  bundle.scope = "br-001";
  bundle.version = bundles.next_version("config", "br-001");
  bundle.not_before = "2026-11-01T00:00:00Z";
  bundle.expires = "2027-11-01T00:00:00Z";
  protocol::SignedBundle signed_bundle;
  signed_bundle.bundle_text = protocol::serialize_bundle(bundle);
  signed_bundle.key_id = "k";
  signed_bundle.signature = std::string(64, 'x');
  auto pointer = bundles.add(bundle, signed_bundle, m_now);
  ASSERT_TRUE(pointer) << pointer.error();
  EXPECT_EQ(pointer.value().path, "/v1/bundles/config?scope=br-001");
  EXPECT_FALSE(bundles.add(bundle, signed_bundle, m_now));  // same version again
  auto latest = bundles.latest("config", "br-001");
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->etag, pointer.value().etag);
  EXPECT_EQ(bundles.next_version("config", "br-001"), 2U);
}

}  // namespace
}  // namespace kiosk::headoffice
