package dev.krag.stages.edit;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MOV_TEXT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Adds a soft subtitle track to an MP4 by remuxing it with FFmpeg's format library: the video
 * and audio packets are copied as they are, and each cue becomes a 3GPP timed-text (mov_text)
 * sample, which QuickTime, browsers and VLC all show. JavaCV's recorder has no subtitle streams.
 */
final class SubtitleTrack {

  private static final AVRational MILLISECONDS = av_make_q(1, 1000);

  private SubtitleTrack() {}

  static void remux(Path in, Path out, List<Subtitles.Cue> cues) throws IOException {
    AVFormatContext input = new AVFormatContext(null);
    check(avformat_open_input(input, in.toString(), null, null), "open " + in);
    AVFormatContext output = new AVFormatContext(null);
    try {
      check(avformat_find_stream_info(input, (PointerPointer<?>) null), "read the streams of " + in);
      check(avformat_alloc_output_context2(output, null, "mp4", out.toString()), "create " + out);
      for (int i = 0; i < input.nb_streams(); i++) {
        AVStream copy = avformat_new_stream(output, null);
        check(avcodec_parameters_copy(copy.codecpar(), input.streams(i).codecpar()), "copy stream " + i);
        copy.codecpar().codec_tag(0);
        copy.time_base(input.streams(i).time_base());
      }
      AVStream text = textStream(output);
      AVIOContext io = new AVIOContext(null);
      check(avio_open(io, out.toString(), AVIO_FLAG_WRITE), "write " + out);
      output.pb(io);
      AVDictionary options = new AVDictionary(null);
      av_dict_set(options, "movflags", "+faststart", 0);
      check(avformat_write_header(output, options), "write the header of " + out);
      av_dict_free(options);
      writeCues(output, text, cues);
      copyPackets(input, output);
      check(av_write_trailer(output), "finish " + out);
    } finally {
      avformat_close_input(input);
      if (output.pb() != null) {
        avio_closep(output.pb());
      }
      avformat_free_context(output);
    }
  }

  private static AVStream textStream(AVFormatContext output) {
    AVStream text = avformat_new_stream(output, null);
    text.codecpar().codec_type(AVMEDIA_TYPE_SUBTITLE);
    text.codecpar().codec_id(AV_CODEC_ID_MOV_TEXT);
    byte[] description = sampleDescription();
    BytePointer extradata = new BytePointer(av_malloc(description.length + AV_INPUT_BUFFER_PADDING_SIZE))
        .capacity(description.length + AV_INPUT_BUFFER_PADDING_SIZE);
    extradata.put(description).put(description.length, (byte) 0);
    text.codecpar().extradata(extradata).extradata_size(description.length);
    text.time_base(MILLISECONDS);
    AVDictionary metadata = new AVDictionary(null);
    av_dict_set(metadata, "language", "eng", 0);
    text.metadata(metadata);
    return text;
  }

  private static void writeCues(AVFormatContext output, AVStream text, List<Subtitles.Cue> cues) throws IOException {
    for (Subtitles.Cue cue : cues) {
      byte[] sample = sample(cue.text());
      AVPacket packet = av_packet_alloc();
      try {
        check(av_new_packet(packet, sample.length), "allocate a subtitle packet");
        packet.data().put(sample);
        long start = av_rescale_q(Math.round(cue.start() * 1000), MILLISECONDS, text.time_base());
        long end = av_rescale_q(Math.round(cue.end() * 1000), MILLISECONDS, text.time_base());
        packet.stream_index(text.index()).pts(start).dts(start).duration(end - start);
        check(av_interleaved_write_frame(output, packet), "write a subtitle");
      } finally {
        av_packet_free(packet);
      }
    }
  }

  private static void copyPackets(AVFormatContext input, AVFormatContext output) throws IOException {
    AVPacket packet = av_packet_alloc();
    try {
      while (av_read_frame(input, packet) >= 0) {
        int stream = packet.stream_index();
        av_packet_rescale_ts(packet, input.streams(stream).time_base(), output.streams(stream).time_base());
        packet.pos(-1);
        check(av_interleaved_write_frame(output, packet), "copy a packet");
        av_packet_unref(packet);
      }
    } finally {
      av_packet_free(packet);
    }
  }

  /** A timed-text sample: the text's length in two bytes, then the text in UTF-8. */
  static byte[] sample(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(2 + utf8.length).putShort((short) utf8.length).put(utf8).array();
  }

  /**
   * The 'tx3g' sample description (3GPP TS 26.245): no scrolling, text centred at the bottom on a
   * transparent box, one style (font 1, 5 % of the height, white) and a font table naming Serif.
   */
  static byte[] sampleDescription() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer b = ByteBuffer.allocate(64);
    b.putInt(0);                      // display flags
    b.put((byte) 1).put((byte) -1);   // horizontal: centre; vertical: bottom
    b.putInt(0);                      // background colour, RGBA: transparent
    b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0); // default text box
    b.putShort((short) 0).putShort((short) 0);   // style record: first and last character
    b.putShort((short) 1).put((byte) 0).put((byte) 18); // font id, face style, font size
    b.putInt(0xFFFFFFFF);             // text colour, RGBA: white
    byte[] font = "Serif".getBytes(StandardCharsets.US_ASCII);
    b.putInt(8 + 2 + 2 + 1 + font.length).put("ftab".getBytes(StandardCharsets.US_ASCII));
    b.putShort((short) 1).putShort((short) 1).put((byte) font.length).put(font);
    out.write(b.array(), 0, b.position());
    return out.toByteArray();
  }

  private static void check(int code, String what) throws IOException {
    if (code < 0) {
      throw new IOException("FFmpeg could not " + what + " (error " + code + ")");
    }
  }
}
