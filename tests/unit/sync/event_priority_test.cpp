#include "sync/event_priority.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "temp_dir.hpp"

namespace kiosk::sync {
namespace {

TEST(EventPriority, ComplaintsFirstTelemetryLastEverythingElseCustomer) {
  EXPECT_EQ(priority_of("complaint.filed"), EventPriority::complaint);
  EXPECT_EQ(priority_of("complaint.status_changed"), EventPriority::complaint);
  EXPECT_EQ(priority_of("device.alarm"), EventPriority::telemetry);
  EXPECT_EQ(priority_of("kiosk.started"), EventPriority::telemetry);
  EXPECT_EQ(priority_of("telemetry.heartbeat"), EventPriority::telemetry);
  EXPECT_EQ(priority_of("ticket.issued"), EventPriority::customer);
  EXPECT_EQ(priority_of("survey.answered"), EventPriority::customer);
  // Unknown or look-alike names are never treated as sheddable telemetry.
  EXPECT_EQ(priority_of("devices.alarm"), EventPriority::customer);
  EXPECT_EQ(priority_of("complaints.filed"), EventPriority::customer);
  EXPECT_EQ(priority_of(""), EventPriority::customer);
}

TEST(EventPriority, SqlExpressionAgreesWithPriorityOf) {
  test::TempDir dir("sync-priority");
  store::Database db(dir.path() / "p.db", store::OpenMode::read_write_create);
  db.exec("CREATE TABLE t (type TEXT)");
  const std::array<std::string, 9> types = {"complaint.filed", "device.alarm",    "kiosk.started",
                                            "telemetry.cpu",   "ticket.issued",   "devices.alarm",
                                            "complaint_x.y",   "survey.answered", "kiosk_x.y"};
  for (const auto& type : types) {
    store::Statement insert(db, "INSERT INTO t (type) VALUES (?1)");
    insert.bind_text(1, type);
    insert.run();
  }
  store::Statement query(db, "SELECT type, " + std::string(priority_sql_expression()) + " FROM t");
  int rows = 0;
  while (query.step()) {
    ++rows;
    EXPECT_EQ(query.column_int(1), static_cast<int>(priority_of(query.column_text(0))))
        << query.column_text(0);
  }
  EXPECT_EQ(rows, static_cast<int>(types.size()));
}

}  // namespace
}  // namespace kiosk::sync
