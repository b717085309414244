using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>The Temporal Fusion Transformer (Lim et al., 2021): static covariate encoders, variable
/// selection, LSTM encoder–decoder, static enrichment, interpretable causal attention, gated
/// position-wise feed-forward and a quantile head for all fourteen metrics, anchored on learned shares
/// of the last observed value and of the season-ago value of each metric.</summary>
internal sealed class TftNetwork : nn.Module<TftInputs, TftOutputs>
{
    private readonly TftConfig _config;
    private readonly Embedding _profileEmbedding;
    private readonly Linear _scalePrescaler;
    private readonly VariablePrescaler _encoderPrescaler;
    private readonly VariablePrescaler _decoderPrescaler;
    private readonly VariableSelectionNetwork _staticSelection;
    private readonly VariableSelectionNetwork _encoderSelection;
    private readonly VariableSelectionNetwork _decoderSelection;
    private readonly StaticCovariateEncoder _staticEncoder;
    private readonly LSTM _encoderLstm;
    private readonly LSTM _decoderLstm;
    private readonly GateAddNorm _postLstmGate;
    private readonly GatedResidualNetwork _staticEnrichment;
    private readonly InterpretableMultiHeadAttention _attention;
    private readonly GateAddNorm _postAttentionGate;
    private readonly GatedResidualNetwork _positionWise;
    private readonly GateAddNorm _preOutputGate;
    private readonly QuantileHead _head;
    private readonly Tensor _causalMask;
    private readonly Parameter _persistence;
    private readonly Parameter _seasonalSkip;

    public TftNetwork(TftConfig config)
        : base("tft")
    {
        config.Validate();
        _config = config;
        var h = config.HiddenSize;
        var e = config.VariableSize;
        var dropout = config.Dropout;
        var encoderVariables = TftFeatures.EncoderFeatures.Count;
        var decoderVariables = TftFeatures.DecoderFeatures.Count;

        _profileEmbedding = nn.Embedding(Core.Profiles.ProfileNames.Count, e);
        _scalePrescaler = nn.Linear(TftFeatures.ScaleFeatureCount, e);
        _encoderPrescaler = new VariablePrescaler("encoderPrescaler", encoderVariables, e);
        _decoderPrescaler = new VariablePrescaler("decoderPrescaler", decoderVariables, e);
        _staticSelection = new VariableSelectionNetwork("staticSelection", TftFeatures.StaticFeatures.Count, e, h, dropout, contextSize: null);
        _encoderSelection = new VariableSelectionNetwork("encoderSelection", encoderVariables, e, h, dropout, contextSize: h);
        _decoderSelection = new VariableSelectionNetwork("decoderSelection", decoderVariables, e, h, dropout, contextSize: h);
        _staticEncoder = new StaticCovariateEncoder("staticEncoder", h, dropout);
        _encoderLstm = nn.LSTM(h, h, config.LstmLayers, batchFirst: true, dropout: config.LstmLayers > 1 ? dropout : 0);
        _decoderLstm = nn.LSTM(h, h, config.LstmLayers, batchFirst: true, dropout: config.LstmLayers > 1 ? dropout : 0);
        _postLstmGate = new GateAddNorm("postLstmGate", h, dropout);
        _staticEnrichment = new GatedResidualNetwork("staticEnrichment", h, h, h, dropout, contextSize: h);
        _attention = new InterpretableMultiHeadAttention("attention", h, config.AttentionHeads, dropout);
        _postAttentionGate = new GateAddNorm("postAttentionGate", h, dropout);
        _positionWise = new GatedResidualNetwork("positionWise", h, h, h, dropout);
        _preOutputGate = new GateAddNorm("preOutputGate", h, 0);
        _head = new QuantileHead("head", h, TftFeatures.MetricCount, config.Quantiles.Length);

        // How much of the last observed value each horizon step and metric carries, learned; starts
        // at full persistence so that an untrained or uncertain network keeps a server where it is.
        _persistence = nn.Parameter(torch.ones(config.HorizonSteps, TftFeatures.MetricCount, 1));

        // How much of the value one season before each horizon step carries, learned; starts at none, so a
        // network trained before this term existed forecasts exactly as before until training moves it.
        _seasonalSkip = nn.Parameter(torch.zeros(config.HorizonSteps, TftFeatures.MetricCount, 1));

        // Horizon step i sits at position L + i and may attend to positions 0 … L + i only.
        var lookback = config.LookbackSteps;
        _causalMask = torch.ones(config.HorizonSteps, lookback + config.HorizonSteps, dtype: ScalarType.Bool)
            .triu(lookback + 1)
            .DetachFromDisposeScope();
        RegisterComponents();
    }

    public TftConfig Config => _config;

    public override TftOutputs forward(TftInputs inputs)
    {
        using var scope = torch.NewDisposeScope();
        var lookback = _config.LookbackSteps;
        var horizon = _config.HorizonSteps;

        // Static variables: profile embedding and window scale, selected, then four contexts.
        var staticEmbedded = torch.stack([_profileEmbedding.forward(inputs.Profile), _scalePrescaler.forward(inputs.Scale)], 0).unsqueeze(2); // [2, B, 1, E]
        var (staticSelected, staticSelectedWeights) = _staticSelection.forward(staticEmbedded, null); // [B, 1, H], [B, 1, 2]
        var staticEmbedding = staticSelected.squeeze(1); // [B, H]
        var staticWeights = staticSelectedWeights.squeeze(1); // [B, 2]
        using var contexts = _staticEncoder.forward(staticEmbedding);
        var selectionContext = contexts.VariableSelection.unsqueeze(1); // [B, 1, H], broadcast over time

        // Variable selection over time, with the static selection context.
        var encoderReals = torch.cat([inputs.Observed, inputs.Known.narrow(1, 0, lookback), inputs.Seasonal.narrow(1, 0, lookback)], -1); // [B, L, 32]
        var encoderEmbedded = _encoderPrescaler.forward(encoderReals); // [32, B, L, E]
        var (encoderSelected, encoderWeights) = _encoderSelection.forward(encoderEmbedded, selectionContext); // [B, L, H], [B, L, 32]
        var decoderReals = torch.cat([inputs.Known.narrow(1, lookback, horizon), inputs.Seasonal.narrow(1, lookback, horizon)], -1); // [B, T, 18]
        var decoderEmbedded = _decoderPrescaler.forward(decoderReals); // [18, B, T, E]
        var (decoderSelected, decoderWeights) = _decoderSelection.forward(decoderEmbedded, selectionContext); // [B, T, H], [B, T, 18]

        // LSTM encoder–decoder, initial state from the static contexts.
        var layers = _config.LstmLayers;
        var h0 = contexts.StateH.unsqueeze(0).expand(layers, -1, -1).contiguous(); // [layers, B, H]
        var c0 = contexts.StateC.unsqueeze(0).expand(layers, -1, -1).contiguous(); // [layers, B, H]
        var (encoderOutput, hn, cn) = _encoderLstm.forward(encoderSelected, (h0, c0)); // [B, L, H]
        var (decoderOutput, _, _) = _decoderLstm.forward(decoderSelected, (hn, cn)); // [B, T, H]
        var lstmOutput = torch.cat([encoderOutput, decoderOutput], 1); // [B, L+T, H]
        var selected = torch.cat([encoderSelected, decoderSelected], 1); // [B, L+T, H]
        var temporal = _postLstmGate.forward(lstmOutput, selected); // [B, L+T, H]

        // Static enrichment, then causal attention from horizon steps over all positions.
        var enriched = _staticEnrichment.forward(
            temporal, contexts.Enrichment.unsqueeze(1)); // [B, L+T, H], context broadcast over time
        var enrichedHorizon = enriched.narrow(1, lookback, horizon); // [B, T, H]
        var (attended, attention) = _attention.forward(enrichedHorizon, enriched, _causalMask); // [B, T, H], [B, T, L+T]
        var gated = _postAttentionGate.forward(attended, enrichedHorizon); // [B, T, H]
        var positionWise = _positionWise.forward(gated); // [B, T, H]
        var output = _preOutputGate.forward(positionWise, temporal.narrow(1, lookback, horizon)); // [B, T, H]
        // The head predicts the change from learned shares of the last observed and the season-ago values.
        var lastObserved = inputs.Observed.narrow(1, lookback - 1, 1).unsqueeze(-1); // [B, 1, 14, 1]
        var seasonAgo = inputs.Seasonal.narrow(1, lookback, horizon).unsqueeze(-1); // [B, T, 14, 1]
        var anchor = TensorScalars.Add(seasonAgo * _seasonalSkip, lastObserved * _persistence); // [B, T, 14, 1] (in place needs the full shape first)
        var quantiles = TensorScalars.Add(_head.forward(output), anchor); // [B, T, 14, Q]

        return new TftOutputs(quantiles, staticWeights, encoderWeights, decoderWeights, attention).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _profileEmbedding.Dispose();
            _scalePrescaler.Dispose();
            _encoderPrescaler.Dispose();
            _decoderPrescaler.Dispose();
            _staticSelection.Dispose();
            _encoderSelection.Dispose();
            _decoderSelection.Dispose();
            _staticEncoder.Dispose();
            _encoderLstm.Dispose();
            _decoderLstm.Dispose();
            _postLstmGate.Dispose();
            _staticEnrichment.Dispose();
            _attention.Dispose();
            _postAttentionGate.Dispose();
            _positionWise.Dispose();
            _preOutputGate.Dispose();
            _head.Dispose();
            _causalMask.Dispose();
            _persistence.Dispose();
            _seasonalSkip.Dispose();
        }

        base.Dispose(disposing);
    }
}
