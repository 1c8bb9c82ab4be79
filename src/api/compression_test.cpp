// Which codings a client takes, and gzip that any gzip reader inflates back.
#include "api/compression.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

namespace {

using connex::api::AcceptsCoding;
using connex::api::Gzip;

TEST(Compression, AcceptEncodingIsReadWithItsWeights) {
  EXPECT_TRUE(AcceptsCoding("gzip, deflate, br", "gzip"));
  EXPECT_TRUE(AcceptsCoding("br;q=0.5, gzip", "br"));
  EXPECT_FALSE(AcceptsCoding("br;q=0, gzip", "br"));
  EXPECT_FALSE(AcceptsCoding("gzip;q=0", "gzip"));
  EXPECT_FALSE(AcceptsCoding("identity", "gzip"));
  EXPECT_FALSE(AcceptsCoding("", "gzip"));
  EXPECT_FALSE(AcceptsCoding("xgzip", "gzip"));
}

TEST(Compression, GzipIsInflatedBackByZlib) {
  std::string json = "{\"items\":[";
  for (int i = 0; i < 500; ++i) json += "{\"code\":\"royalties\",\"label\":\"Royalties\"},";
  json += "{}]}";
  const std::string packed = Gzip(json);
  ASSERT_GE(packed.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);  // the gzip magic number
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  EXPECT_LT(packed.size() * 10, json.size());
  z_stream z{};
  ASSERT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(json.size() + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  EXPECT_EQ(out, json);
  EXPECT_EQ(Gzip("").size(), 20u);  // an empty member: header and trailer only
}

}  // namespace
