#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "printer/transport.hpp"

namespace kiosk::printer {
namespace {

using testing::HasSubstr;

TEST(MakeTransport, NoneGivesNoTransportAndNoError) {
  const MakeTransportResult result = make_transport(TransportKind::none, "");
  EXPECT_EQ(result.transport, nullptr);
  EXPECT_TRUE(result.error.empty());
}

TEST(MakeTransport, BuildsEachKind) {
  EXPECT_EQ(make_transport(TransportKind::file, "/var/spool/kiosk").transport->describe(),
            "file printer /var/spool/kiosk");
  EXPECT_EQ(make_transport(TransportKind::device, "/dev/usb/lp0").transport->describe(),
            "device printer /dev/usb/lp0");
  EXPECT_EQ(make_transport(TransportKind::tcp, "printer.local:9101").transport->describe(),
            "tcp printer printer.local:9101");
  EXPECT_EQ(make_transport(TransportKind::tcp, "10.0.0.5").transport->describe(),
            "tcp printer 10.0.0.5:9100");
  EXPECT_EQ(make_transport(TransportKind::tcp, "[::1]:9100").transport->describe(), "tcp printer [::1]:9100");
}

TEST(MakeTransport, BadTargetsAreNamed) {
  EXPECT_THAT(make_transport(TransportKind::tcp, "printer:99999").error, HasSubstr("\"99999\""));
  EXPECT_THAT(make_transport(TransportKind::tcp, "printer:x").error, HasSubstr("\"x\""));
  EXPECT_THAT(make_transport(TransportKind::tcp, ":9100").error, HasSubstr("host is empty"));
  EXPECT_THAT(make_transport(TransportKind::tcp, "[::1").error, HasSubstr("]"));
  EXPECT_THAT(make_transport(TransportKind::file, "").error, HasSubstr("directory"));
  EXPECT_THAT(make_transport(TransportKind::device, "").error, HasSubstr("/dev/usb/lp0"));
  EXPECT_EQ(make_transport(TransportKind::tcp, "printer:99999").transport, nullptr);
}

TEST(PrinterFault, HasStableNames) {
  EXPECT_EQ(to_string(PrinterFault::paper_out), "paper_out");
  EXPECT_EQ(to_string(PrinterFault::unavailable), "unavailable");
}

}  // namespace
}  // namespace kiosk::printer
