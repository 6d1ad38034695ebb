using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Infrastructure.Storage;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;
using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Formats;

namespace Pipeline.Benchmarks;

/// <summary>In-memory ports of the aggregation benchmark: what it reads is replayed, what it writes is dropped.</summary>
internal static partial class AggregationScaleBenchmark
{
    /// <summary>The rows read once, replayed from memory on every run.</summary>
    private sealed class ReplayStore(List<StoredObservation> rows) : IObservationStore
    {
        public Task StageAsync(Plan plan, UploadRecord upload, IReadOnlyList<Observation> observations, IReadOnlyList<Evaluation> evaluations, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<StoredObservation> ObservationsAsync(Plan plan, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            foreach (var row in rows)
            {
                yield return row;
            }
        }

        public async IAsyncEnumerable<StoredEvaluation> EvaluationsAsync(Plan plan, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
    }

    private sealed class MemoryLedger(IReadOnlyList<UploadRecord> accepted) : IUploadLedger
    {
        public Task<UploadRecord?> FindAsync(PlanId planId, DepartmentId departmentId, UploadId uploadId,
            CancellationToken cancellationToken) =>
            Task.FromResult(accepted.FirstOrDefault(u => u.UploadId == uploadId));

        public Task RecordAsync(UploadRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<UploadRecord> CommitAsync(UploadRecord record, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<UploadRecord> CommittedAsync(PlanId planId,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            foreach (var upload in accepted)
            {
                yield return upload;
            }
        }
    }

    private sealed class NullFeedStore : IFeedStore
    {
        public Task<string?> PublishedHashAsync(PlanId planId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task PublishAsync(PlanId planId, IReadOnlyList<FeedFile> files, string contentHash, DateTimeOffset generatedAt, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task<IndexVersion> IndexVersionAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new IndexVersion(null, new Dictionary<string, string?>()));

        public Task<bool> TryPublishIndexAsync(IReadOnlyList<FeedFile> files, string contentHash, IndexVersion expected, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<PublishedFeed?> ReadIndexAsync(CancellationToken cancellationToken) => Task.FromResult<PublishedFeed?>(null);

        public Task<byte[]?> ReadFileAsync(PlanId planId, string name, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

        public Task<PublishedFeed?> ReadAsync(PlanId planId, CancellationToken cancellationToken) => Task.FromResult<PublishedFeed?>(null);
    }

    private sealed class NullPortalLedger : IPortalPushLedger
    {
        public Task<PortalPushMark?> LastPushedAsync(PlanId planId, string portal,
            CancellationToken cancellationToken) => Task.FromResult<PortalPushMark?>(null);

        public Task RecordPushedAsync(PlanId planId, string portal, PortalPushMark mark,
            CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoCommentary : ICommentaryStore
    {
        public Task StageAsync(Plan plan, UploadRecord upload, IReadOnlyList<IndicatorCommentary> entries,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public async IAsyncEnumerable<StoredCommentary> CommentaryAsync(Plan plan,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
    }

    private sealed class NoReviews : IReviewLedger
    {
        public Task<UploadRecord> HoldAsync(UploadRecord record, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<UploadRecord>> WaitingAsync(PlanId planId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<UploadRecord>>([]);

        public Task<UploadRecord?> FindAsync(PlanId planId, UploadId uploadId, CancellationToken cancellationToken) =>
            Task.FromResult<UploadRecord?>(null);

        public Task<UploadRecord?> DecideAsync(UploadRecord held, ReviewDecision decision, ReviewAction action,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<UploadReview?> ReviewOfAsync(UploadRecord record, CancellationToken cancellationToken) =>
            Task.FromResult<UploadReview?>(null);

        public Task<IReadOnlyDictionary<string, UploadReview>> ReviewsAsync(PlanId planId,
            CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, UploadReview>>(new Dictionary<string, UploadReview>());
    }

    private sealed class NoConfirmations : IFiscalYearConfirmations
    {
        public Task<IReadOnlyList<FiscalYearConfirmation>> AllAsync(PlanId planId,
            CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FiscalYearConfirmation>>([]);

        public Task<FiscalYearConfirmation?> ConfirmAsync(ReviewAction action, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<FiscalYearConfirmation?> ReopenAsync(ReviewAction action, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
