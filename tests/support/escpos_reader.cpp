#include "escpos_reader.hpp"

#include <iconv.h>

#include <cstdio>
#include <map>
#include <string_view>

namespace kiosk::test {
namespace {

std::string hex(unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", value);
  return buffer;
}

// iconv from `encoding` to UTF-8; "<undecodable ...>" marks bytes it cannot decode.
std::string to_utf8(const std::string& bytes, const char* encoding) {
  if (bytes.empty())
    return {};
  iconv_t cd = ::iconv_open("UTF-8", encoding);
  if (cd == reinterpret_cast<iconv_t>(-1))
    return "<no iconv for " + std::string(encoding) + ">";
  std::string input = bytes;
  std::string output(input.size() * 4 + 16, '\0');
  char* in = input.data();
  std::size_t in_left = input.size();
  char* out = output.data();
  std::size_t out_left = output.size();
  const std::size_t result = ::iconv(cd, &in, &in_left, &out, &out_left);
  ::iconv_close(cd);
  output.resize(output.size() - out_left);
  if (result == static_cast<std::size_t>(-1))
    output += "<undecodable " + std::string(encoding) + ">";
  return output;
}

class Reader {
 public:
  explicit Reader(std::span<const std::byte> bytes) : m_bytes(bytes) {}

  DecodedPrint run() {
    while (m_at < m_bytes.size()) {
      const std::size_t start = m_at;
      const unsigned byte = next();
      if (byte == 0x0A) {
        end_line();
      } else if (byte == 0x1B) {
        esc(start);
      } else if (byte == 0x1D) {
        gs(start);
      } else if (byte == 0x1C) {
        fs(start);
      } else if (byte == 0x10) {
        dle(start);
      } else if (byte < 0x20 || byte == 0x7F) {
        error(start, "unknown control byte " + hex(byte));
      } else {
        text_byte(byte);
      }
    }
    if (!m_pending.empty() || !m_line.empty()) {
      flush_text();
      error(m_bytes.size(), "text without a final LF: \"" + m_line + "\"");
    }
    m_out.chinese_mode_at_end = m_chinese;
    return std::move(m_out);
  }

 private:
  unsigned next() { return static_cast<unsigned>(m_bytes[m_at++]); }
  // Little-endian pair (xL xH); two statements because the operands of | are unsequenced.
  unsigned next16() {
    const unsigned low = next();
    const unsigned high = next();
    return low | (high << 8);
  }

  bool need(std::size_t count, std::size_t start, std::string_view command) {
    if (m_at + count <= m_bytes.size())
      return true;
    error(start, "truncated " + std::string(command));
    m_at = m_bytes.size();
    return false;
  }

  void error(std::size_t offset, const std::string& message) {
    m_out.errors.push_back("offset " + std::to_string(offset) + ": " + message);
  }

  void text_byte(unsigned byte) {
    if (m_chinese && byte >= 0x81 && byte <= 0xFE) {
      // GB18030: two bytes (second 0x40..0xFE) or four (second 0x30..0x39).
      if (m_at >= m_bytes.size()) {
        error(m_at - 1, "truncated GB18030 character");
        return;
      }
      const unsigned second = static_cast<unsigned>(m_bytes[m_at]);
      const std::size_t length = (second >= 0x30 && second <= 0x39) ? 4 : 2;
      if (m_at - 1 + length > m_bytes.size()) {
        error(m_at - 1, "truncated GB18030 character");
        m_at = m_bytes.size();
        return;
      }
      m_pending.push_back(static_cast<char>(byte));
      for (std::size_t i = 1; i < length; ++i)
        m_pending.push_back(static_cast<char>(next()));
      return;
    }
    m_pending.push_back(static_cast<char>(byte));
  }

  const char* encoding() const {
    if (m_chinese)
      return "GB18030";
    switch (m_table) {
      case 0:
        return "CP437";
      case 5:
        return "CP865";
      case 17:
        return "CP866";
      case 19:
        return "CP858";
      default:
        return "CP437";
    }
  }

  // Decodes text collected so far with the encoding active for it.
  void flush_text() {
    m_line += to_utf8(m_pending, encoding());
    m_pending.clear();
  }

  void end_line() {
    flush_text();
    m_out.lines.push_back(std::move(m_line));
    m_out.line_styles.push_back(m_style);
    m_line.clear();
  }

  void esc(std::size_t start) {
    if (!need(1, start, "ESC"))
      return;
    const unsigned command = next();
    switch (command) {
      case '@':
        flush_text();
        m_table = 0;
        m_chinese = false;
        m_style = {};
        ++m_out.initializations;
        return;
      case 't':
        if (!need(1, start, "ESC t"))
          return;
        flush_text();
        m_table = next();
        if (m_table != 0 && m_table != 5 && m_table != 17 && m_table != 19) {
          error(start, "ESC t " + std::to_string(m_table) + ": code page unknown to the reader");
        }
        return;
      case 'E':
        if (!need(1, start, "ESC E"))
          return;
        m_style.bold = (next() & 1U) != 0;
        return;
      case 'a':
        if (!need(1, start, "ESC a"))
          return;
        m_style.centered = (next() % 48) == 1;
        return;
      case 'd':
        if (!need(1, start, "ESC d"))
          return;
        m_out.feeds += static_cast<int>(next());
        return;
      default:
        error(start, "unknown command ESC " + hex(command));
    }
  }

  void fs(std::size_t start) {
    if (!need(1, start, "FS"))
      return;
    const unsigned command = next();
    flush_text();
    if (command == '&') {
      m_chinese = true;
    } else if (command == '.') {
      m_chinese = false;
    } else {
      error(start, "unknown command FS " + hex(command));
    }
  }

  void dle(std::size_t start) {
    if (!need(2, start, "DLE EOT"))
      return;
    const unsigned command = next();
    const unsigned n = next();
    if (command != 0x04 || n < 1 || n > 4)
      error(start, "unknown real-time command DLE " + hex(command));
  }

  void gs(std::size_t start) {
    if (!need(1, start, "GS"))
      return;
    const unsigned command = next();
    switch (command) {
      case '!': {
        if (!need(1, start, "GS !"))
          return;
        const unsigned n = next();
        m_style.width = static_cast<int>(n >> 4) + 1;
        m_style.height = static_cast<int>(n & 0x0FU) + 1;
        if (m_style.width > 8 || m_style.height > 8)
          error(start, "GS ! " + hex(n) + ": size out of range");
        return;
      }
      case 'V': {
        if (!need(1, start, "GS V"))
          return;
        const unsigned m = next();
        if (m == 65 || m == 66) {
          if (!need(1, start, "GS V m n"))
            return;
          next();
        } else if (m != 0 && m != 1 && m != 48 && m != 49) {
          error(start, "GS V " + std::to_string(m) + ": unknown cut mode");
          return;
        }
        m_out.cut = true;
        return;
      }
      case '(':
        gs_paren(start);
        return;
      case 'v':
        raster(start);
        return;
      default:
        error(start, "unknown command GS " + hex(command));
    }
  }

  void gs_paren(std::size_t start) {
    if (!need(1, start, "GS ("))
      return;
    if (next() != 'k') {
      error(start, "unknown command GS ( " + hex(static_cast<unsigned>(m_bytes[m_at - 1])));
      return;
    }
    if (!need(4, start, "GS ( k"))
      return;
    const std::size_t length = next16();
    if (length < 2) {
      error(start, "GS ( k: parameter length " + std::to_string(length) + " too short");
      return;
    }
    const unsigned cn = next();
    const unsigned fn = next();
    if (!need(length - 2, start, "GS ( k parameters"))
      return;
    const auto params = m_bytes.subspan(m_at, length - 2);
    m_at += length - 2;
    if (cn != 49) {
      error(start, "GS ( k: symbol type " + std::to_string(cn) + " is not QR (49)");
      return;
    }
    switch (fn) {
      case 65:  // model
        if (params.size() != 2 || static_cast<unsigned>(params[0]) != 50)
          error(start, "QR: model is not 2");
        return;
      case 67:  // module size
        if (params.size() != 1) {
          error(start, "QR: module size needs one byte");
          return;
        }
        m_qr_module = static_cast<int>(params[0]);
        if (m_qr_module < 1 || m_qr_module > 16)
          error(start, "QR: module size out of range");
        return;
      case 69:  // error correction
        if (params.size() != 1 || static_cast<unsigned>(params[0]) < 48 ||
            static_cast<unsigned>(params[0]) > 51) {
          error(start, "QR: bad error correction level");
        }
        return;
      case 80:  // store
        if (params.empty() || static_cast<unsigned>(params[0]) != 48) {
          error(start, "QR: store needs m = 48");
          return;
        }
        m_qr_data.assign(reinterpret_cast<const char*>(params.data()) + 1, params.size() - 1);
        m_qr_stored = true;
        return;
      case 81:  // print
        if (!m_qr_stored) {
          error(start, "QR: print without stored data");
          return;
        }
        m_out.qr_payloads.push_back(m_qr_data);
        m_out.qr_module_sizes.push_back(m_qr_module);
        return;
      default:
        error(start, "QR: unknown function " + std::to_string(fn));
    }
  }

  void raster(std::size_t start) {
    if (!need(6, start, "GS v 0"))
      return;
    if (next() != '0') {
      error(start, "unknown command GS v " + hex(static_cast<unsigned>(m_bytes[m_at - 1])));
      return;
    }
    const unsigned mode = next();
    if (mode > 3 && (mode < 48 || mode > 51))
      error(start, "GS v 0: bad mode " + std::to_string(mode));
    RasterBand band;
    band.width_bytes = static_cast<int>(next16());
    band.rows = static_cast<int>(next16());
    const auto size = static_cast<std::size_t>(band.width_bytes) * static_cast<std::size_t>(band.rows);
    if (band.width_bytes == 0 || band.rows == 0)
      error(start, "GS v 0: empty image");
    if (!need(size, start, "GS v 0 image data"))
      return;
    const auto* data = reinterpret_cast<const std::uint8_t*>(m_bytes.data() + m_at);
    band.bits.assign(data, data + size);
    m_at += size;
    ++m_out.raster_images;
    m_out.raster_rows += band.rows;
    m_out.raster_bands.push_back(std::move(band));
  }

  std::span<const std::byte> m_bytes;
  std::size_t m_at = 0;
  DecodedPrint m_out;
  LineStyle m_style;
  unsigned m_table = 0;
  bool m_chinese = false;
  std::string m_pending;  // undecoded text bytes in the current encoding
  std::string m_line;     // decoded text of the current line
  std::string m_qr_data;
  bool m_qr_stored = false;
  int m_qr_module = 3;
};

}  // namespace

DecodedPrint decode_escpos(std::span<const std::byte> bytes) {
  return Reader(bytes).run();
}

}  // namespace kiosk::test
