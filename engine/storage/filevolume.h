#pragma once
// A BlockDevice over an image file: the engine's volumes are sparse files inside a pool
// directory, read and written with pread/pwrite so many threads can share one descriptor. It keeps
// the image's ImageStamp as its own last write, discard, flush or grow left it, so a change made
// to the file outside the engine can be told from the engine's own.

#include "blockdevice.h"
#include "imagestamp.h"

#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>

namespace rd::engine {

class FileVolume final : public BlockDevice
{
public:
    // Opens an existing image read-write; its size must be a multiple of BlockSize.
    static cim::Result<std::unique_ptr<FileVolume>> open(const QString &path);
    // Creates a new sparse image of size bytes (a positive multiple of BlockSize). Fails when
    // the file exists already, and leaves no file behind when it fails.
    static cim::Result<std::unique_ptr<FileVolume>> create(const QString &path, quint64 size);

    ~FileVolume() override;
    Q_DISABLE_COPY_MOVE(FileVolume)

    // The image's descriptor, for copy_file_range and SEEK_DATA; owned by the FileVolume.
    int fd() const { return m_fd; }
    QString path() const { return m_path; }
    quint64 size() const override { return m_size.load(); }
    // Bytes the filesystem has allocated for the image (st_blocks), for the pool's figures.
    cim::Result<quint64> allocatedBytes() const;
    // Makes the image newSize bytes (a multiple of BlockSize, not smaller than now); the new
    // range is a hole. Readers and writers in flight see either size, both valid.
    cim::Result<void> grow(quint64 newSize);

    // Ranges beyond size() give InvalidParameter; I/O errors give Failed with the system's text.
    cim::Result<void> read(quint64 offset, std::span<char> buffer) override;
    cim::Result<void> flush() override;
    // Uses SEEK_DATA/SEEK_HOLE; where the filesystem lacks them, the whole range is reported.
    cim::Result<QList<Extent>> allocatedExtents(quint64 offset, quint64 length) override;

    // --- changes made around the engine ---------------------------------------------------------
    void beginDirectWrite() override { ownWriteBegins(); }
    void endDirectWrite() override { ownWriteEnds(); }
    // The image as the engine's own last change left it (or as last accepted by checkImage).
    ImageStamp ownStamp() const;
    // What the engine knew of the image before this device opened it (the stamp it persisted):
    // a change made since then is found by the next checkImage().
    void setKnownStamp(const ImageStamp &stamp);
    enum class ImageCheck { Same, Changed, Busy };
    // Compares the file at path() with ownStamp(). Changed once per change made outside the engine
    // (the file as it is now is then taken as known); Busy when an own write was in flight, so
    // nothing can be said (ask again later).
    ImageCheck checkImage();

protected:
    cim::Result<void> writeRaw(quint64 offset, std::span<const char> data) override;
    cim::Result<void> discardRaw(quint64 offset, quint64 length) override;

private:
    FileVolume(int fd, QString path, quint64 size);
    cim::Result<void> checkRange(quint64 offset, quint64 length) const;
    // Bracket every change the engine makes to the image (see checkImage() for the protocol).
    void ownWriteBegins();
    void ownWriteEnds();
    struct OwnWrite;

    int m_fd = -1;
    QString m_path;
    std::atomic<quint64> m_size = 0;

    std::atomic<int> m_ownInFlight = 0;
    std::atomic<quint64> m_ownGeneration = 0; // +1 when an own write begins and when it ends
    mutable QMutex m_stampLock;               // also serializes the begin and end of own writes
    ImageStamp m_stamp;                       // after the engine's own last change
    ImageStamp m_foreign;                     // the last change seen from outside (reported once)
    bool m_foreignPending = false; // an own write found the image changed before it began
};

} // namespace rd::engine
